import type { TopLevelSpec } from "vega-lite";
import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { ratingShares } from "../ratingShares";
import { areaLabel, CHART_CONFIG, RATING_COLOURS, UNRATED_COLOUR } from "./chartTheme";

export const RATING_SHARES_TITLE = "Share of statements at each agreed rating";

/**
 * 100% stacked horizontal bars: per area, the share of its statements at each agreed rating
 * (provisional included). Shares, not counts, so an area of 6 statements reads beside one of 16.
 */
export function ratingSharesSpec(compiled: CompiledAssessment): TopLevelSpec {
  const categories = [...compiled.framework.scale.map((level) => `${level.label} (${level.value})`), "Not yet rated"];
  const values = compiled.areas.flatMap((area) =>
    ratingShares(compiled, area).map((share, order) => ({
      area: areaLabel(area),
      category: categories[order] ?? share.label,
      order,
      share: share.percent,
      count: share.count,
    })),
  );
  return {
    title: RATING_SHARES_TITLE,
    width: 560,
    height: { step: 34 },
    data: { values: values.filter((row) => row.count > 0) },
    mark: { type: "bar" },
    encoding: {
      y: { field: "area", type: "nominal", sort: compiled.areas.map(areaLabel), title: null },
      x: {
        field: "share",
        type: "quantitative",
        stack: "zero",
        title: "% of the area's statements",
        scale: { domain: [0, 100] },
      },
      color: {
        field: "category",
        type: "nominal",
        title: "Agreed rating",
        sort: categories,
        scale: {
          domain: categories,
          range: [...compiled.framework.scale.map((level) => RATING_COLOURS[level.value]), UNRATED_COLOUR],
        },
      },
      order: { field: "order", type: "quantitative" },
    },
    config: CHART_CONFIG,
  };
}
