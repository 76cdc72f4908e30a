import type { RatingValue } from "../assessment/framework/frameworkSchema";

const RATINGS: readonly RatingValue[] = [4, 3, 2, 1];

/** Colours of the distribution bar: Agree green through Disagree red (Adaptive Card container styles). */
const BAR_STYLE: Record<RatingValue, string> = { 4: "good", 3: "accent", 2: "warning", 1: "attention" };

/** The columns of a distribution bar (a ColumnSet weighted by count), ratings nobody gave left out. */
export function ratingBar(distribution: Record<RatingValue, number>) {
  return RATINGS.filter((rating) => distribution[rating] > 0).map((rating) => ({
    weight: distribution[rating],
    style: BAR_STYLE[rating],
    label: `${distribution[rating]} × ${rating}`,
  }));
}
