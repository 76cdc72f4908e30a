import type { GlobalScoreAnswer } from "../answers/answer";
import type { RatingValue } from "../framework/frameworkSchema";
import type { ConsensusFlag } from "./consensusFlag";
import type { ConsensusThresholds } from "./consensusThresholds";
import { median } from "./median";

export interface GlobalScoreConsensus {
  /** Scores counted: only whole numbers within 0..globalScoreMax. */
  answered: number;
  median: number | null;
  /** Index = score, so length is globalScoreMax + 1. */
  distribution: number[];
  flags: ConsensusFlag[];
}

export interface GlobalScoreConsensusInput {
  readonly globalScores: readonly Pick<GlobalScoreAnswer, "score">[];
  readonly globalScoreMax: number;
  /** The statements' consensus ratings (nulls for unanswered statements are ignored). */
  readonly consensusRatings: readonly (RatingValue | null)[];
}

/**
 * Summarises an area's global scores and checks them against the statements. Scores outside the
 * framework's scale cannot be placed in the distribution, so they are left out of every figure
 * rather than clamped into a score nobody gave.
 */
export function analyseGlobalScores(
  input: GlobalScoreConsensusInput,
  thresholds: ConsensusThresholds,
): GlobalScoreConsensus {
  const max = input.globalScoreMax;
  const scores = input.globalScores
    .map((answer) => answer.score)
    .filter((score) => Number.isInteger(score) && score >= 0 && score <= max);
  const distribution = Array.from({ length: max + 1 }, () => 0);
  for (const score of scores) distribution[score] = (distribution[score] ?? 0) + 1;
  const middle = median(scores);
  const flags = [
    ...atOddsFlags(middle, input.consensusRatings, max, thresholds.globalScoreTolerance),
    ...spreadFlags(scores, max, thresholds.globalScoreTolerance),
  ];
  return { answered: scores.length, median: middle, distribution, flags };
}

/**
 * What the statements suggest: their mean consensus rating mapped linearly from 1..4 onto
 * 0..max (all Disagree → 0, all Agree → max), null when no statement has a rating yet.
 */
export function expectedGlobalScore(consensusRatings: readonly (RatingValue | null)[], max: number): number | null {
  const rated = consensusRatings.filter((rating) => rating !== null);
  if (rated.length === 0) return null;
  const mean = rated.reduce<number>((sum, rating) => sum + rating, 0) / rated.length;
  return ((mean - 1) / 3) * max;
}

function atOddsFlags(
  middle: number | null,
  consensusRatings: readonly (RatingValue | null)[],
  max: number,
  tolerance: number,
): ConsensusFlag[] {
  const expected = expectedGlobalScore(consensusRatings, max);
  if (middle === null || expected === null || Math.abs(middle - expected) <= tolerance) return [];
  return [
    {
      code: "globalScoreAtOdds",
      message: `Global score ${middle}/${max} while ${describeRatings(consensusRatings)} (ratings suggest about ${Math.round(expected)}/${max})`,
    },
  ];
}

function describeRatings(consensusRatings: readonly (RatingValue | null)[]): string {
  const agree = consensusRatings.filter((rating) => rating !== null && rating >= 3).length;
  const disagree = consensusRatings.filter((rating) => rating !== null && rating <= 2).length;
  if (disagree > agree) return "most statements are rated Disagree or Mostly disagree";
  if (agree > disagree) return "most statements are rated Agree or Mostly agree";
  return "the statements are split evenly between agree and disagree";
}

function spreadFlags(scores: readonly number[], max: number, tolerance: number): ConsensusFlag[] {
  if (scores.length === 0) return [];
  const low = Math.min(...scores);
  const high = Math.max(...scores);
  if (high - low <= tolerance) return [];
  return [
    { code: "globalSpread", message: `Global scores span ${high - low} points (${low}/${max} to ${high}/${max})` },
  ];
}
