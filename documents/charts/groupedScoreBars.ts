import type { TopLevelSpec } from "vega-lite";
import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { areaLabel, CHART_CONFIG } from "./chartTheme";

/** One bar: an area's score in one series (staff or young people; or one cycle). */
export interface ScoreBar {
  area: string;
  series: string;
  score: number;
}

/**
 * Grouped horizontal bars of global scores, one group per area in the framework's order and one bar
 * per series in `series` order; `colours` (one per series) or, without them, vega's default scheme.
 */
export function groupedScoreBars(
  compiled: CompiledAssessment,
  chart: { title: string; barStep: number; values: ScoreBar[]; series: string[]; colours: string[] | undefined },
): TopLevelSpec {
  const max = compiled.framework.globalScoreMax;
  return {
    title: `${chart.title} (out of ${max})`,
    width: 560,
    height: { step: chart.barStep },
    data: { values: chart.values },
    mark: { type: "bar" },
    encoding: {
      y: { field: "area", type: "nominal", sort: compiled.areas.map(areaLabel), title: null },
      yOffset: { field: "series", type: "nominal", sort: chart.series },
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
        sort: chart.series,
        scale: { domain: chart.series, ...(chart.colours ? { range: chart.colours } : {}) },
      },
    },
    config: CHART_CONFIG,
  };
}
