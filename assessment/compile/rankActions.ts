import type { RatingValue } from "../framework/frameworkSchema";
import type { AttributedComment, CompiledArea, RatingSource } from "./compiledAssessment";

/** A statement the agreed result says needs work, in the order a council should take it up. */
export interface RankedAction {
  /** 1-based position in the plan. */
  rank: number;
  areaNumber: number;
  statementId: string;
  text: string;
  agreedRating: RatingValue;
  ratingSource: RatingSource;
  /** The area's agreed (or median) global score; null when it has none. */
  areaGlobalScore: number | null;
  ideas: AttributedComment[];
}

/**
 * Statements agreed at 1 or 2 first, then those at 3 ("mostly agree" still leaves something to do);
 * within each band the weakest areas by global score first (areas without a score last), then the
 * statements the group had most ideas for, then framework order, so the ranking is stable.
 */
export function rankActions(areas: readonly CompiledArea[]): RankedAction[] {
  const candidates = areas.flatMap((area, areaIndex) =>
    area.statements.flatMap((statement, statementIndex) => {
      const rating = statement.agreedRating;
      if (rating === null || rating === 4) return [];
      const action = {
        areaNumber: area.number,
        statementId: statement.id,
        text: statement.text,
        agreedRating: rating,
        ratingSource: statement.ratingSource,
        areaGlobalScore: area.globalScore.value,
        ideas: statement.ideas,
      };
      return [{ action, band: rating <= 2 ? 0 : 1, order: areaIndex * 1000 + statementIndex }];
    }),
  );
  candidates.sort(
    (a, b) =>
      a.band - b.band ||
      scoreOrder(a.action.areaGlobalScore) - scoreOrder(b.action.areaGlobalScore) ||
      b.action.ideas.length - a.action.ideas.length ||
      a.order - b.order,
  );
  return candidates.map(({ action }, index) => ({ rank: index + 1, ...action }));
}

function scoreOrder(score: number | null): number {
  return score ?? Number.POSITIVE_INFINITY;
}
