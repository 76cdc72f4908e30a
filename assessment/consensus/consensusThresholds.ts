import { z } from "zod";

/**
 * When a statement's ratings count as "no consensus" and need a lead to moderate them. Defaults
 * follow common Delphi practice: about 70% on one category, and no spread across two points.
 */
export interface ConsensusThresholds {
  /** Share (0..1) of answers that must pick the most common rating. Exactly this share passes. */
  readonly modalShareMin: number;
  /** The modal-share test only applies from this many answers: 1 of 2 is not a meaningful 50%. */
  readonly minAnswersForModalShare: number;
  /** Largest accepted max−min of the ratings; a range of maxRange + 1 or more is flagged. */
  readonly maxRange: number;
  /** Fewer answers than this is "too few answers" to call it a group view. */
  readonly quorum: number;
  /** Points (on the global score scale) a median global score may differ from what the statement ratings suggest, and the most global scores may spread. */
  readonly globalScoreTolerance: number;
}

export const DEFAULT_CONSENSUS_THRESHOLDS: ConsensusThresholds = Object.freeze({
  modalShareMin: 0.7,
  minAnswersForModalShare: 3,
  maxRange: 1,
  quorum: 3,
  globalScoreTolerance: 3,
});

const defaults = DEFAULT_CONSENSUS_THRESHOLDS;

/**
 * Parses the thresholds from configuration; missing fields take the defaults. Strict, so a typo
 * such as "modalShareMinimum" fails loudly rather than silently keeping the default.
 */
export const consensusThresholdsSchema = z.strictObject({
  modalShareMin: z.number().min(0).max(1).default(defaults.modalShareMin),
  minAnswersForModalShare: z.number().int().min(1).default(defaults.minAnswersForModalShare),
  maxRange: z.number().int().min(0).max(3).default(defaults.maxRange),
  quorum: z.number().int().min(0).default(defaults.quorum),
  globalScoreTolerance: z.number().min(0).default(defaults.globalScoreTolerance),
}) satisfies z.ZodType<ConsensusThresholds>;
