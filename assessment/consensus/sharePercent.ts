/*
 * A share just under a threshold must never print as the threshold itself ("Only 70% … (70%
 * needed)"), so shares round down and thresholds round up. The epsilon absorbs binary noise such
 * as 0.29 * 100 = 28.999999999999996.
 */

/** A share (0..1) as a whole percent, rounded down: for figures reported against a threshold. */
export function sharePercentDown(share: number): number {
  return Math.floor(share * 100 + 1e-9);
}

/** A share (0..1) as a whole percent, rounded up: for the threshold itself. */
export function sharePercentUp(share: number): number {
  return Math.ceil(share * 100 - 1e-9);
}
