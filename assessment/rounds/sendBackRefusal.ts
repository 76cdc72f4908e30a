import type { AreaStatus } from "../groups/workingGroup";
import type { ConsensusTier } from "../consensus/statementConsensus";

export interface SendBackState {
  readonly statementId: string;
  readonly areaStatus: AreaStatus;
  readonly tier: ConsensusTier;
  readonly decided: boolean;
  /** The statement's latest round: 1 until it is first sent back. */
  readonly currentRound: number;
  /** CONSENSUS_EXTRA_ROUNDS, as stored with the assessment. */
  readonly extraRounds: number;
}

/**
 * Why a statement cannot go back to the group for another round, in words a lead can act on; undefined
 * when it can. Only disagreement is sent back: a round is for settling a dispute, not for re-polling.
 */
export function sendBackRefusal(state: SendBackState): string | undefined {
  const id = state.statementId;
  if (state.areaStatus !== "open")
    return `${id}: the area is not open, so members cannot rate again (reopen it first).`;
  if (state.decided) return `${id}: it already has an agreed rating.`;
  if (state.currentRound - 1 >= state.extraRounds)
    return state.extraRounds === 0
      ? `${id}: this assessment has no second round (CONSENSUS_EXTRA_ROUNDS is 0).`
      : `${id}: it has had ${state.extraRounds === 1 ? "its extra round" : `all ${state.extraRounds} extra rounds`} — record the agreed rating.`;
  if (state.tier !== "disagreement") return `${id}: it is not flagged, so there is nothing to settle.`;
  return undefined;
}
