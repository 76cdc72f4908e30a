import type { CompiledArea, CompiledAssessment } from "../assessment/compile/compiledAssessment";
import type { RatingValue } from "../assessment/framework/frameworkSchema";

/** One category of an area's agreed ratings: a rating, or "not yet rated" (value null). */
export interface RatingShare {
  value: RatingValue | null;
  label: string;
  count: number;
  /** Whole percent of the area's statements; an area's shares add up to exactly 100. */
  percent: number;
}

export const NOT_RATED_LABEL = "Not yet rated";

/**
 * The share of an area's statements at each agreed rating, highest rating first, then not yet
 * rated: shares (not counts) so areas of 6 and 16 statements compare. Rounded by largest
 * remainder so a row never adds up to 99 or 101.
 */
export function ratingShares(compiled: CompiledAssessment, area: CompiledArea): RatingShare[] {
  const categories: { value: RatingValue | null; label: string }[] = [
    ...compiled.framework.scale.map((level) => ({ value: level.value, label: level.label })),
    { value: null, label: NOT_RATED_LABEL },
  ];
  const total = area.statements.length;
  const counts = categories.map(
    (category) => area.statements.filter((statement) => statement.agreedRating === category.value).length,
  );
  const exact = counts.map((count) => (total === 0 ? 0 : (count * 100) / total));
  const percents = exact.map(Math.floor);
  const missing = total === 0 ? 0 : 100 - percents.reduce((sum, value) => sum + value, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder.slice(0, missing)) percents[index] = (percents[index] ?? 0) + 1;
  return categories.map((category, index) => ({
    ...category,
    count: counts[index] ?? 0,
    percent: percents[index] ?? 0,
  }));
}
