import type { Answer, GlobalScoreAnswer } from "../answers/answer";
import type { Area, RatingValue } from "../framework/frameworkSchema";
import type { GlobalScoreDecision, ModerationDecision } from "../moderation/moderationDecision";
import { analyseArea } from "../consensus/areaConsensus";
import { consensusRuleLine } from "../consensus/describeRule";
import type { ConsensusTier } from "../consensus/statementConsensus";
import { DEFAULT_CONSENSUS_THRESHOLDS, type ConsensusThresholds } from "../consensus/consensusThresholds";

/** One piece of free text a member wrote, with who wrote it (the digest is for the group's lead). */
export interface DigestComment {
  kind: "evidence" | "ideas";
  author: string;
  text: string;
}

export interface DigestStatement {
  statementId: string;
  text: string;
  answered: number;
  distribution: Record<RatingValue, number>;
  /** "4: 3 · 3: 5 · 2: 1 · 1: 0" */
  distributionText: string;
  /** The proposed agreed rating (the majority; the median rounded down on a tie). */
  consensusRating: RatingValue | null;
  tier: ConsensusTier;
  flagged: boolean;
  /** Why it counts as disagreement. */
  flags: string[];
  /** Prompts that are not disagreements (too few answers, Agree without evidence). */
  notes: string[];
  comments: DigestComment[];
  decision?: { agreedRating: RatingValue; rationale: string; decidedBy: string; decidedAt: string };
}

export interface AreaDigest {
  assessmentId: string;
  areaNumber: number;
  areaTitle: string;
  summary: { members: number; answeredPercent: number; flaggedCount: number; statementCount: number };
  /** The consensus rule applied, in one line. */
  rule: string;
  globalScore: { median: number | null; count: number; flags: string[]; decision?: { agreedScore: number; rationale: string; decidedBy: string } };
  /** Flagged statements first, then unflagged; framework order within each group. */
  statements: DigestStatement[];
}

export interface AreaDigestInput {
  assessmentId: string;
  area: Area;
  answers: readonly Answer[];
  globalScores: readonly GlobalScoreAnswer[];
  members: number;
  globalScoreMax: number;
  decisions: readonly ModerationDecision[];
  globalDecision?: GlobalScoreDecision;
}

const ORDER: readonly RatingValue[] = [4, 3, 2, 1];

/** What a lead needs to moderate one area, built from stored answers only (pure: no I/O, no clock). */
export function buildAreaDigest(input: AreaDigestInput, thresholds: ConsensusThresholds = DEFAULT_CONSENSUS_THRESHOLDS): AreaDigest {
  const { area } = input;
  const consensus = analyseArea(
    {
      areaNumber: area.number,
      statementIds: area.statements.map((statement) => statement.id),
      answers: input.answers,
      globalScores: input.globalScores,
      members: input.members,
      globalScoreMax: input.globalScoreMax,
    },
    thresholds,
  );
  const statements = area.statements.map((statement, index): DigestStatement => {
    const analysed = consensus.statements[index]!;
    const answers = input.answers
      .filter((answer) => answer.statementId === statement.id)
      .slice()
      .sort((a, b) => (a.respondent.name || "").localeCompare(b.respondent.name || "") || a.respondent.aadObjectId.localeCompare(b.respondent.aadObjectId));
    const comments: DigestComment[] = [];
    for (const answer of answers) {
      const author = answer.respondent.name || "A member";
      if (answer.evidence.trim() !== "") comments.push({ kind: "evidence", author, text: answer.evidence });
      if (answer.ideas.trim() !== "") comments.push({ kind: "ideas", author, text: answer.ideas });
    }
    const decision = input.decisions.find((candidate) => candidate.statementId === statement.id && candidate.areaNumber === area.number);
    return {
      statementId: statement.id,
      text: statement.text,
      answered: analysed.answered,
      distribution: analysed.distribution,
      distributionText: ORDER.map((rating) => `${rating}: ${analysed.distribution[rating]}`).join(" · "),
      consensusRating: analysed.consensusRating,
      tier: analysed.tier,
      flagged: analysed.flagged,
      flags: analysed.flags.map((flag) => flag.message),
      notes: analysed.notes.map((note) => note.message),
      comments,
      ...(decision ? { decision: { agreedRating: decision.agreedRating, rationale: decision.rationale, decidedBy: decision.decidedBy.name, decidedAt: decision.decidedAt } } : {}),
    };
  });
  const globalDecision = input.globalDecision;
  return {
    assessmentId: input.assessmentId,
    areaNumber: area.number,
    areaTitle: area.title,
    summary: { members: input.members, answeredPercent: consensus.answeredPercent, flaggedCount: consensus.flaggedCount, statementCount: statements.length },
    rule: consensusRuleLine(thresholds),
    globalScore: {
      median: consensus.globalScore.median,
      count: input.globalScores.length,
      flags: consensus.globalScore.flags.map((flag) => flag.message),
      ...(globalDecision ? { decision: { agreedScore: globalDecision.agreedScore, rationale: globalDecision.rationale, decidedBy: globalDecision.decidedBy.name } } : {}),
    },
    statements: [...statements.filter((statement) => statement.flagged), ...statements.filter((statement) => !statement.flagged)],
  };
}
