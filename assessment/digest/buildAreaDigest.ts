import type { Answer, GlobalScoreAnswer } from "../answers/answer";
import type { Area, RatingLevel, RatingValue } from "../framework/frameworkSchema";
import type { GlobalScoreDecision, ModerationDecision } from "../moderation/moderationDecision";
import { analyseArea } from "../consensus/areaConsensus";
import { consensusRuleLine } from "../consensus/consensusRuleLine";
import { answersVersion } from "./answersVersion";
import type { ConsensusTier } from "../consensus/statementConsensus";
import { DEFAULT_CONSENSUS_THRESHOLDS, type ConsensusThresholds } from "../consensus/consensusThresholds";
import { analyseStatement } from "../consensus/statementConsensus";
import type { AreaStatus } from "../groups/workingGroup";
import type { StatementRound } from "../rounds/statementRound";
import { answersAsOfRound } from "../rounds/answerInRound";
import { roundMovement } from "../rounds/roundMovement";
import { sendBackRefusal } from "../rounds/sendBackRefusal";
import { countRatings, distributionInWords } from "../consensus/ratingDistribution";
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
  /** The statement's latest round: 1 until a lead sends it back to the group. */
  round: number;
  /** Set from round 2: the previous round against this one, and who moved. */
  roundChange?: RoundChange;
  /** A lead may send it back to the group now (flagged, open, undecided, rounds left). */
  canSendBack: boolean;
  decision?: {
    agreedRating: RatingValue;
    rationale: string;
    agreedEvidence?: string;
    agreedIdeas?: string;
    decidedBy: string;
    decidedAt: string;
  };
  /** The rating the previous cycle agreed, when there was one: leads see where the group stood last time. */
  previousRating?: RatingValue;
}

/** Round N−1 → round N of one statement, for the lead (names are theirs to see). */
export interface RoundChange {
  /** "Round 1 → 2: 2 mostly disagree, 1 agree → 3 mostly agree". */
  line: string;
  /** Who gave a different rating this round, from → to. */
  moved: Array<{ name: string; from: RatingValue; to: RatingValue }>;
  confirmed: string[];
  /** Answered the round before, not this one yet. */
  waiting: string[];
  /** The latest ratings are no longer a disagreement. */
  nowAgreed: boolean;
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
    decision?: { agreedScore: number; rationale: string; decidedBy: string; decidedAt: string };
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
  /** Statements sent back for another round (any area: others are ignored). */
  rounds?: readonly StatementRound[];
  /** Whether the area takes answers (a second round needs it open); omitted: no send-back offered. */
  areaStatus?: AreaStatus;
  /** The previous cycle's agreed result, when this is not the first cycle. */
  previousCycle?: CycleResult;
}

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
    const sentBack = input.rounds?.find(
      (candidate) => candidate.statementId === statement.id && candidate.areaNumber === area.number,
    );
    const round = sentBack?.round ?? 1;
    const roundChange = sentBack
      ? describeRoundChange(answers, round, analysed.tier, (before) =>
          analyseStatement({ statementId: statement.id, answers: before, members: input.members }, thresholds),
        )
      : undefined;
    const words = (given: readonly Answer[]) =>
      distributionInWords(countRatings(given.map((answer) => answer.rating)), input.scale);
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
      round,
      ...(roundChange
        ? {
            roundChange: {
              ...roundChange,
              line: `Round ${round - 1} → ${round}: ${words(answersAsOfRound(answers, round - 1))} → ${words(answers)}`,
            },
          }
        : {}),
      canSendBack:
        input.areaStatus !== undefined &&
        sendBackRefusal({
          statementId: statement.id,
          areaStatus: input.areaStatus,
          tier: analysed.tier,
          decided: decision !== undefined,
          currentRound: round,
          extraRounds: thresholds.extraRounds,
        }) === undefined,
      ...(decision
        ? {
            decision: {
              agreedRating: decision.agreedRating,
              rationale: decision.rationale,
              ...(decision.agreedEvidence === undefined ? {} : { agreedEvidence: decision.agreedEvidence }),
              ...(decision.agreedIdeas === undefined ? {} : { agreedIdeas: decision.agreedIdeas }),
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
              decidedAt: globalDecision.decidedAt,
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

/** Who moved between the rounds and whether the latest ratings still disagree; the line is added by the caller. */
function describeRoundChange(
  answers: readonly Answer[],
  round: number,
  tierNow: ConsensusTier,
  analyse: (answers: Answer[]) => { tier: ConsensusTier },
): Omit<RoundChange, "line"> {
  const movement = roundMovement(answers, round);
  // The tier before is computed so a caller can tell "settled by the round" from "agreed all along".
  const wasDisagreement = analyse(answersAsOfRound(answers, round - 1)).tier === "disagreement";
  return {
    moved: movement.moved,
    confirmed: movement.confirmed,
    waiting: movement.waiting,
    nowAgreed: wasDisagreement && tierNow !== "disagreement" && tierNow !== "unanswered",
  };
}

/** Lowest, highest and every score given with its count; empty with no scores. */
function globalSpread(distribution: readonly number[]): string {
  const given = distribution.flatMap((count, score) => (count > 0 ? [{ score, count }] : []));
  const lowest = given[0];
  const highest = given.at(-1);
  if (!lowest || !highest) return "";
  return `lowest ${lowest.score}, highest ${highest.score}; ${given.map(({ score, count }) => `${score}: ${count}`).join(" · ")}`;
}
