import type { ConsensusThresholds } from "../consensus/consensusThresholds";
import type { GlobalScoreConsensus } from "../consensus/globalScoreConsensus";
import type { GlobalScoreDecision } from "../moderation/moderationDecision";
import type { AttributionMode, CompiledGlobalScore } from "./compiledAssessment";
import { moderationNote } from "./moderationNote";

export interface CompileGlobalScoreInput {
  readonly consensus: GlobalScoreConsensus;
  readonly decision: GlobalScoreDecision | undefined;
  readonly members: number;
  readonly attribution: AttributionMode;
  readonly thresholds: ConsensusThresholds;
}

/**
 * A lead's agreed score wins; otherwise the members' median, provisional while it is flagged
 * (spread, or at odds with the statement ratings) or rests on too few scores.
 */
export function compileGlobalScore(input: CompileGlobalScoreInput): CompiledGlobalScore {
  const { consensus, decision } = input;
  const shared = {
    answered: consensus.answered,
    distribution: [...consensus.distribution],
    flags: consensus.flags.map((flag) => flag.message),
  };
  if (decision) {
    return {
      value: decision.agreedScore,
      source: "moderated",
      provisional: false,
      ...shared,
      moderation: moderationNote(decision, input.attribution),
    };
  }
  if (consensus.median === null)
    return { value: null, source: "none", provisional: false, ...shared, moderation: null };
  const tooFew = consensus.answered < Math.min(input.thresholds.quorum, input.members);
  return {
    value: consensus.median,
    source: "median",
    provisional: tooFew || consensus.flags.length > 0,
    ...shared,
    moderation: null,
  };
}
