import type { Answer, GlobalScoreAnswer } from "../answers/answer";
import type { Area, RatingLevel, RatingValue } from "../framework/frameworkSchema";
import type { GlobalScoreDecision, ModerationDecision } from "../moderation/moderationDecision";
import { analyseArea } from "../consensus/areaConsensus";
import { consensusRuleLine } from "../consensus/describeRule";
import { answersVersion } from "./answersVersion";
import type { ConsensusTier } from "../consensus/statementConsensus";
import { DEFAULT_CONSENSUS_THRESHOLDS, type ConsensusThresholds } from "../consensus/consensusThresholds";
import { previousRatingOf, type CycleResult } from "../cycles/cycleResult";

/** One piece of free text a member wrote, with who wrote it and the rating they gave (the digest is for the group's lead). */
export interface DigestComment {
  kind: "evidence" | "ideas";
  author: string;
  /** The rating its author gave this statement: a lead weighs evidence against the rating it backs. */
  rating: RatingValue;
  text: string;
}

export interface DigestStatement {
  statementId: string;
  text: string;
  answered: number;
  distribution: Record<RatingValue, number>;
  /** Fingerprint of the answers the digest was built from (answersVersion). */
  answersVersion: string;
  /** "2 mostly disagree, 1 agree": the ratings given, in words, most common first. */
  distributionWords: string;
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
  /** The rating the previous cycle agreed, when there was one: leads see where the group stood last time. */
  previousRating?: RatingValue;
}

export interface AreaDigest {
  assessmentId: string;
  areaNumber: number;
  areaTitle: string;
  summary: { members: number; answeredPercent: number; flaggedCount: number; statementCount: number };
  /** The consensus rule applied, in one line. */
  rule: string;
  /** yyyy-mm-dd the previous cycle was completed, when there is one to compare with. */
  previousCycleOn?: string;
  /** The framework's short label of each rating ("Mostly agree"). */
  ratingLabels: Record<RatingValue, string>;
  globalScore: {
    median: number | null;
    count: number;
    /** "lowest 4, highest 8; 4: 1 · 6: 2 · 8: 1" (only scores given), empty with none. */
    spread: string;
    flags: string[];
    decision?: { agreedScore: number; rationale: string; decidedBy: string };
  };
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
  /** The framework's rating scale, for the distribution in words. */
  scale: readonly Pick<RatingLevel, "value" | "shortLabel">[];
  decisions: readonly ModerationDecision[];
  globalDecision?: GlobalScoreDecision;
  /** The previous cycle's agreed result, when this is not the first cycle. */
  previousCycle?: CycleResult;
}

const ORDER: readonly RatingValue[] = [4, 3, 2, 1];

/** What a lead needs to moderate one area, built from stored answers only (pure: no I/O, no clock). */
export function buildAreaDigest(
  input: AreaDigestInput,
  thresholds: ConsensusThresholds = DEFAULT_CONSENSUS_THRESHOLDS,
): AreaDigest {
  const { area } = input;
  const label = (rating: RatingValue) =>
    input.scale.find((level) => level.value === rating)?.shortLabel ?? String(rating);
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
    const analysed = consensus.statements[index];
    // analyseArea answers one entry per statement id, in the order given.
    if (analysed === undefined) throw new Error(`No consensus for statement ${statement.id}`);
    const answers = input.answers
      .filter((answer) => answer.statementId === statement.id)
      .slice()
      // Grouped under the rating each person gave (highest first), then by name.
      .sort(
        (a, b) =>
          b.rating - a.rating ||
          (a.respondent.name || "").localeCompare(b.respondent.name || "") ||
          a.respondent.aadObjectId.localeCompare(b.respondent.aadObjectId),
      );
    const comments: DigestComment[] = [];
    for (const answer of answers) {
      const author = answer.respondent.name || "A member";
      if (answer.evidence.trim() !== "")
        comments.push({ kind: "evidence", author, rating: answer.rating, text: answer.evidence });
      if (answer.ideas.trim() !== "")
        comments.push({ kind: "ideas", author, rating: answer.rating, text: answer.ideas });
    }
    const decision = input.decisions.find(
      (candidate) => candidate.statementId === statement.id && candidate.areaNumber === area.number,
    );
    const previousRating = input.previousCycle ? previousRatingOf(input.previousCycle, statement.id) : undefined;
    return {
      statementId: statement.id,
      text: statement.text,
      answered: analysed.answered,
      distribution: analysed.distribution,
      answersVersion: answersVersion(answers),
      distributionWords: distributionInWords(analysed.distribution, input.scale),
      consensusRating: analysed.consensusRating,
      tier: analysed.tier,
      flagged: analysed.flagged,
      flags: analysed.flags.map((flag) => flag.message),
      notes: analysed.notes.map((note) => note.message),
      comments,
      ...(decision
        ? {
            decision: {
              agreedRating: decision.agreedRating,
              rationale: decision.rationale,
              decidedBy: decision.decidedBy.name,
              decidedAt: decision.decidedAt,
            },
          }
        : {}),
      ...(previousRating === undefined ? {} : { previousRating }),
    };
  });
  const globalDecision = input.globalDecision;
  return {
    assessmentId: input.assessmentId,
    areaNumber: area.number,
    areaTitle: area.title,
    summary: {
      members: input.members,
      answeredPercent: consensus.answeredPercent,
      flaggedCount: consensus.flaggedCount,
      statementCount: statements.length,
    },
    rule: consensusRuleLine(thresholds),
    ...(input.previousCycle ? { previousCycleOn: input.previousCycle.completedOn } : {}),
    ratingLabels: { 1: label(1), 2: label(2), 3: label(3), 4: label(4) },
    globalScore: {
      median: consensus.globalScore.median,
      count: input.globalScores.length,
      spread: globalSpread(consensus.globalScore.distribution),
      flags: consensus.globalScore.flags.map((flag) => flag.message),
      ...(globalDecision
        ? {
            decision: {
              agreedScore: globalDecision.agreedScore,
              rationale: globalDecision.rationale,
              decidedBy: globalDecision.decidedBy.name,
            },
          }
        : {}),
    },
    statements: [
      ...statements.filter((statement) => statement.flagged),
      ...statements.filter((statement) => !statement.flagged),
    ],
  };
}

/** "2 mostly disagree, 1 agree": most common first, then from Agree down; ratings nobody gave are left out. */
function distributionInWords(distribution: Record<RatingValue, number>, scale: AreaDigestInput["scale"]): string {
  const label = (rating: RatingValue) =>
    (scale.find((level) => level.value === rating)?.shortLabel ?? String(rating)).toLowerCase();
  const given = ORDER.filter((rating) => distribution[rating] > 0).sort((a, b) => distribution[b] - distribution[a]);
  return given.length === 0
    ? "no answers yet"
    : given.map((rating) => `${distribution[rating]} ${label(rating)}`).join(", ");
}

/** Lowest, highest and every score given with its count; empty with no scores. */
function globalSpread(distribution: readonly number[]): string {
  const given = distribution.flatMap((count, score) => (count > 0 ? [{ score, count }] : []));
  const lowest = given[0];
  const highest = given.at(-1);
  if (!lowest || !highest) return "";
  return `lowest ${lowest.score}, highest ${highest.score}; ${given.map(({ score, count }) => `${score}: ${count}`).join(" · ")}`;
}
