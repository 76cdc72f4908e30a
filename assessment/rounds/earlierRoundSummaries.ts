import type { Answer } from "../answers/answer";
import type { RatingValue } from "../framework/frameworkSchema";
import { countRatings } from "../consensus/ratingDistribution";
import { answersAsOfRound } from "./answerInRound";

/** How a statement's ratings stood at the end of one earlier round. */
export interface RoundSummary {
  round: number;
  answered: number;
  distribution: Record<RatingValue, number>;
}

/** The statement's latest round: the highest round any of its answers belongs to (1 with none). */
export function latestRound(answers: readonly Answer[]): number {
  return Math.max(1, ...answers.map((answer) => answer.round ?? 1));
}

/** Every round before the latest, oldest first: empty unless the statement was sent back. */
export function earlierRoundSummaries(answers: readonly Answer[]): RoundSummary[] {
  return Array.from({ length: latestRound(answers) - 1 }, (_, index) => {
    const asOf = answersAsOfRound(answers, index + 1);
    return {
      round: index + 1,
      answered: asOf.length,
      distribution: countRatings(asOf.map((answer) => answer.rating)),
    };
  });
}
