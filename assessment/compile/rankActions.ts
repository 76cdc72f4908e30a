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
  /** The group's agreed ideas where the lead recorded them, else every member's ideas collated. */
  ideas: AttributedComment[];
}

/**
 * Statements agreed at 1 or 2 first, then those at 3 ("mostly agree" still leaves something to do);
 * within each band the weakest areas by global score first (areas without a score last), then the
 * statements the group had most ideas for (members' ideas, counted even where agreed ideas replace
 * them in the plan), then framework order, so the ranking is stable.
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
        ideas: statement.agreedIdeas === null ? statement.ideas : [{ text: statement.agreedIdeas, attribution: [] }],
      };
      const band = rating <= 2 ? 0 : 1;
      return [{ action, band, ideasGiven: statement.ideas.length, order: areaIndex * 1000 + statementIndex }];
    }),
  );
  candidates.sort(
    (a, b) =>
      a.band - b.band ||
      scoreOrder(a.action.areaGlobalScore) - scoreOrder(b.action.areaGlobalScore) ||
      b.ideasGiven - a.ideasGiven ||
      a.order - b.order,
  );
  return candidates.map(({ action }, index) => ({ rank: index + 1, ...action }));
}

function scoreOrder(score: number | null): number {
  return score ?? Number.POSITIVE_INFINITY;
}
