/** Why a statement or an area's global score needs a lead's attention. */
export type ConsensusFlagCode =
  | "bothSidesOfLine"
  | "wideSpread"
  | "weakModalShare"
  | "agreeWithoutEvidence"
  | "belowQuorum"
  | "globalScoreAtOdds"
  | "globalSpread";

export interface ConsensusFlag {
  readonly code: ConsensusFlagCode;
  /** Plain English for a lead, shown as is in cards and the digest. */
  readonly message: string;
}

/** The flags that mean members disagree, so a lead must moderate (the others are data-quality prompts). */
export const DISAGREEMENT_FLAG_CODES: readonly ConsensusFlagCode[] = Object.freeze([
  "bothSidesOfLine",
  "wideSpread",
  "weakModalShare",
]);

export function isDisagreementFlag(flag: ConsensusFlag): boolean {
  return DISAGREEMENT_FLAG_CODES.includes(flag.code);
}
