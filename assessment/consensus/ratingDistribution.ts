import type { RatingLevel, RatingValue } from "../framework/frameworkSchema";

const ORDER: readonly RatingValue[] = [4, 3, 2, 1];

/** How many gave each rating. */
export function countRatings(ratings: readonly RatingValue[]): Record<RatingValue, number> {
  const distribution: Record<RatingValue, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const rating of ratings) distribution[rating] += 1;
  return distribution;
}

/** "2 mostly disagree, 1 agree": most common first, then from Agree down; ratings nobody gave are left out. */
export function distributionInWords(
  distribution: Record<RatingValue, number>,
  scale: readonly Pick<RatingLevel, "value" | "shortLabel">[],
): string {
  const label = (rating: RatingValue) =>
    (scale.find((level) => level.value === rating)?.shortLabel ?? String(rating)).toLowerCase();
  const given = ORDER.filter((rating) => distribution[rating] > 0).sort((a, b) => distribution[b] - distribution[a]);
  return given.length === 0
    ? "no answers yet"
    : given.map((rating) => `${distribution[rating]} ${label(rating)}`).join(", ");
}
