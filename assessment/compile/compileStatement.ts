import type { Answer } from "../answers/answer";
import type { ConsensusThresholds } from "../consensus/consensusThresholds";
import type { StatementConsensus } from "../consensus/statementConsensus";
import type { Statement } from "../framework/frameworkSchema";
import type { ModerationDecision } from "../moderation/moderationDecision";
import type { AttributionMode, CompiledStatement, ModerationNote, RatingSource } from "./compiledAssessment";
import type { MemberDirectory } from "./memberDirectory";
import { mergeComments } from "./mergeComments";
import { moderationNote } from "./moderationNote";
import { earlierRoundSummaries, latestRound } from "../rounds/earlierRoundSummaries";

export interface CompileStatementInput {
  readonly statement: Statement;
  readonly consensus: StatementConsensus;
  /** This statement's answers, one per member. */
  readonly answers: readonly Answer[];
  readonly decision: ModerationDecision | undefined;
  readonly members: MemberDirectory;
  readonly attribution: AttributionMode;
  readonly thresholds: ConsensusThresholds;
}

/** A lead's decision always wins; otherwise the members' consensus, marked provisional while it needs moderating. */
export function compileStatement(input: CompileStatementInput): CompiledStatement {
  const { consensus, decision } = input;
  const source = ratingSource(consensus, decision, input.thresholds);
  const moderation: ModerationNote | null = decision ? moderationNote(decision, input.attribution) : null;
  return {
    id: input.statement.id,
    letter: input.statement.letter,
    text: input.statement.text,
    agreedRating: decision ? decision.agreedRating : consensus.consensusRating,
    ratingSource: source,
    consensusRating: consensus.consensusRating,
    answered: consensus.answered,
    distribution: { ...consensus.distribution },
    round: latestRound(input.answers),
    earlierRounds: earlierRoundSummaries(input.answers),
    consensusTier: consensus.tier,
    flags: consensus.flags.map((flag) => flag.message),
    notes: consensus.notes.map((note) => note.message),
    evidence: mergeComments(commentsOf(input.answers, "evidence"), input.members),
    ideas: mergeComments(commentsOf(input.answers, "ideas"), input.members),
    agreedEvidence: decision?.agreedEvidence ?? null,
    agreedIdeas: decision?.agreedIdeas ?? null,
    moderation,
  };
}

function ratingSource(
  consensus: StatementConsensus,
  decision: ModerationDecision | undefined,
  thresholds: ConsensusThresholds,
): RatingSource {
  if (decision) return "moderated";
  if (consensus.answered === 0) return "unanswered";
  return needsModeration(consensus, thresholds) ? "provisional" : "consensus";
}

/**
 * Disagreement needs a lead. So do too few answers to call it the group's view, unless everyone
 * in a group smaller than the quorum answered. Agree-without-evidence is a prompt, not a dispute.
 */
export function needsModeration(consensus: StatementConsensus, thresholds: ConsensusThresholds): boolean {
  if (consensus.flagged) return true;
  return consensus.answered < Math.min(thresholds.quorum, consensus.members);
}

function commentsOf(answers: readonly Answer[], field: "evidence" | "ideas") {
  return answers.map((answer) => ({ text: answer[field], aadObjectId: answer.respondent.aadObjectId }));
}
