import type { TopLevelSpec } from "vega-lite";
import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { areaLabel, CHART_CONFIG, STAFF_COLOUR, YOUNG_PEOPLE_COLOUR } from "./chartTheme";

const STAFF = "Staff global score";
const YOUNG_PEOPLE = "Young people's score";

/** Grouped horizontal bars: each area's agreed (or median) staff score, with the young people's beside it when given. */
export function globalScoresSpec(compiled: CompiledAssessment): TopLevelSpec {
  const max = compiled.framework.globalScoreMax;
  const values = compiled.areas.flatMap((area) => [
    ...(area.globalScore.value === null
      ? []
      : [{ area: areaLabel(area), series: STAFF, score: area.globalScore.value }]),
    ...(area.youngPeopleScore === undefined
      ? []
      : [{ area: areaLabel(area), series: YOUNG_PEOPLE, score: area.youngPeopleScore }]),
  ]);
  const series = compiled.areas.some((area) => area.youngPeopleScore !== undefined) ? [STAFF, YOUNG_PEOPLE] : [STAFF];
  return {
    title: `Global scores per area (out of ${max})`,
    width: 560,
    // With an offset channel the step is per bar, not per area; each area needs room for a wrapped label.
    height: { step: series.length === 1 ? 34 : 17 },
    data: { values },
    mark: { type: "bar" },
    encoding: {
      y: { field: "area", type: "nominal", sort: compiled.areas.map(areaLabel), title: null },
      yOffset: { field: "series", type: "nominal", sort: series },
      x: {
        field: "score",
        type: "quantitative",
        title: "Score",
        scale: { domain: [0, max] },
        axis: { tickMinStep: 1 },
      },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        sort: series,
        scale: { domain: series, range: [STAFF_COLOUR, YOUNG_PEOPLE_COLOUR].slice(0, series.length) },
      },
    },
    config: CHART_CONFIG,
  };
}
