import { z } from "zod";

/**
 * When a statement's ratings count as disagreement and need a lead to moderate them. The defaults
 * follow Diamond et al. (2014): percent agreement is the commonest definition of consensus and 75%
 * its median threshold. With the few members a working group has, that test applies only from
 * `minAnswersForModalShare` answers: with 3, one dissent is already 67%.
 */
export interface ConsensusThresholds {
  /** Share (0..1) of answers that must pick the most common rating. Exactly this share passes. */
  readonly modalShareMin: number;
  /** The percent-agreement test applies only from this many answers. */
  readonly minAnswersForModalShare: number;
  /** Largest accepted max−min of the ratings; a range of maxRange + 1 or more is disagreement. */
  readonly maxRange: number;
  /** Fewer answers than this is "too few answers" to call it a group view (a note, not a disagreement). */
  readonly quorum: number;
  /** Points (on the global score scale) a median global score may differ from what the statement ratings suggest, and the most global scores may spread. */
  readonly globalScoreTolerance: number;
  /**
   * How many times a lead may send a flagged statement back to the group to rate again, after the
   * first round. Delphi studies mostly fix the number of rounds in advance (Diamond et al. 2014).
   */
  readonly extraRounds: number;
}

export const DEFAULT_CONSENSUS_THRESHOLDS: ConsensusThresholds = Object.freeze({
  modalShareMin: 0.75,
  minAnswersForModalShare: 5,
  maxRange: 1,
  quorum: 3,
  globalScoreTolerance: 3,
  extraRounds: 1,
});

/** The bounds of each threshold: the one place they are defined (configuration and storage both parse with these). */
export const CONSENSUS_THRESHOLD_BOUNDS = {
  modalShareMin: z.number().min(0).max(1),
  minAnswersForModalShare: z.number().int().min(1),
  maxRange: z.number().int().min(0).max(3),
  quorum: z.number().int().min(0),
  globalScoreTolerance: z.number().min(0),
  extraRounds: z.number().int().min(0).max(3),
} as const satisfies Record<keyof ConsensusThresholds, z.ZodType<number>>;

const defaults = DEFAULT_CONSENSUS_THRESHOLDS;
const bounds = CONSENSUS_THRESHOLD_BOUNDS;

/**
 * Parses stored thresholds; missing fields take the defaults. Strict, so a typo such as
 * "modalShareMinimum" fails loudly rather than silently keeping the default.
 */
export const consensusThresholdsSchema = z.strictObject({
  modalShareMin: bounds.modalShareMin.default(defaults.modalShareMin),
  minAnswersForModalShare: bounds.minAnswersForModalShare.default(defaults.minAnswersForModalShare),
  maxRange: bounds.maxRange.default(defaults.maxRange),
  quorum: bounds.quorum.default(defaults.quorum),
  globalScoreTolerance: bounds.globalScoreTolerance.default(defaults.globalScoreTolerance),
  extraRounds: bounds.extraRounds.default(defaults.extraRounds),
}) satisfies z.ZodType<ConsensusThresholds>;

export function sameThresholds(a: ConsensusThresholds, b: ConsensusThresholds): boolean {
  return (Object.keys(bounds) as (keyof ConsensusThresholds)[]).every((key) => a[key] === b[key]);
}
