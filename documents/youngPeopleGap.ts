import type { CompiledArea } from "../assessment/compile/compiledAssessment";

/** A gap this wide between the staff's and the young people's score is called out wherever both appear. */
export const YOUNG_PEOPLE_GAP_POINTS = 3;

/**
 * Young people's score minus the staff's, when both exist; `notable` when it is 3 points or more
 * either way (the framework: feedback "will compare the score areas").
 */
export function youngPeopleGap(area: CompiledArea): { difference: number; notable: boolean } | null {
  const staff = area.globalScore.value;
  if (staff === null || area.youngPeopleScore === undefined) return null;
  const difference = area.youngPeopleScore - staff;
  return { difference, notable: Math.abs(difference) >= YOUNG_PEOPLE_GAP_POINTS };
}

/** "3 points lower than staff", "1.5 points higher than staff", "same as staff". */
export function describeGap(difference: number): string {
  if (difference === 0) return "same as staff";
  const points = Math.abs(difference);
  return `${points} ${points === 1 ? "point" : "points"} ${difference < 0 ? "lower" : "higher"} than staff`;
}

/** "6 / 10", with the gap named when it is 3 points or more: "3 / 10 (4 points lower than staff)"; "–" when not recorded. */
export function formatYoungPeopleScore(area: CompiledArea, max: number): string {
  if (area.youngPeopleScore === undefined) return "–";
  const gap = youngPeopleGap(area);
  return `${area.youngPeopleScore} / ${max}${gap?.notable ? ` (${describeGap(gap.difference)})` : ""}`;
}
