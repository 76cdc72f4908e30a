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
