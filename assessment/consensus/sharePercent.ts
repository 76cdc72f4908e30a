/** A share (0..1) as a whole percent, rounded as people expect: 2 of 3 is 67%. */
export function sharePercent(share: number): number {
  // The epsilon absorbs binary noise such as 0.285 * 100 = 28.499999999999996.
  return Math.round(share * 100 + 1e-9);
}

/**
 * A share known to be below a threshold, worded so it never reads as the threshold itself
 * ("Only 75% … (75% needed)"): whole percent when that is below, else one decimal rounded down.
 */
export function percentBelow(share: number, threshold: number): string {
  const whole = sharePercent(share);
  if (whole < sharePercent(threshold)) return `${whole}%`;
  return `${Math.floor(share * 1000 + 1e-9) / 10}%`;
}
