import type { TopLevelSpec } from "vega-lite";
import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { areaLabel, STAFF_COLOUR, YOUNG_PEOPLE_COLOUR } from "./chartTheme";
import { groupedScoreBars } from "./groupedScoreBars";

const STAFF = "Staff global score";
const YOUNG_PEOPLE = "Young people's score";

/** Grouped horizontal bars: each area's agreed (or median) staff score, with the young people's beside it when given. */
export function globalScoresSpec(compiled: CompiledAssessment): TopLevelSpec {
  const values = compiled.areas.flatMap((area) => [
    ...(area.globalScore.value === null
      ? []
      : [{ area: areaLabel(area), series: STAFF, score: area.globalScore.value }]),
    ...(area.youngPeopleScore === undefined
      ? []
      : [{ area: areaLabel(area), series: YOUNG_PEOPLE, score: area.youngPeopleScore }]),
  ]);
  const series = compiled.areas.some((area) => area.youngPeopleScore !== undefined) ? [STAFF, YOUNG_PEOPLE] : [STAFF];
  return groupedScoreBars(compiled, {
    title: "Global scores per area",
    // With an offset channel the step is per bar, not per area; each area needs room for a wrapped label.
    barStep: series.length === 1 ? 34 : 17,
    values,
    series,
    colours: [STAFF_COLOUR, YOUNG_PEOPLE_COLOUR].slice(0, series.length),
  });
}
