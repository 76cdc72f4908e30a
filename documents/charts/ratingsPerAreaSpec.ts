import type { TopLevelSpec } from "vega-lite";
import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { areaLabel, CHART_CONFIG, RATING_COLOURS, UNRATED_COLOUR } from "./chartTheme";

const UNRATED = "Not yet rated";

/** Stacked horizontal bars: per area, how many statements have each agreed rating (provisional included). */
export function ratingsPerAreaSpec(compiled: CompiledAssessment): TopLevelSpec {
  const scale = compiled.framework.scale;
  const labelOf = new Map<number | null, string>(scale.map((level) => [level.value, `${level.label} (${level.value})`]));
  const categories = [...labelOf.values(), UNRATED];
  const values = compiled.areas.flatMap((area) =>
    categories.map((category, order) => ({
      area: areaLabel(area),
      category,
      order,
      count: area.statements.filter((s) => (labelOf.get(s.agreedRating) ?? UNRATED) === category).length,
    })),
  );
  return {
    title: "Agreed ratings per area",
    width: 560,
    height: { step: 34 },
    data: { values: values.filter((row) => row.count > 0) },
    mark: { type: "bar" },
    encoding: {
      y: { field: "area", type: "nominal", sort: compiled.areas.map(areaLabel), title: null },
      x: { field: "count", type: "quantitative", stack: "zero", title: "Statements", axis: { tickMinStep: 1 } },
      color: {
        field: "category",
        type: "nominal",
        title: "Agreed rating",
        sort: categories,
        scale: { domain: categories, range: [...scale.map((level) => RATING_COLOURS[level.value]), UNRATED_COLOUR] },
      },
      order: { field: "order", type: "quantitative" },
    },
    config: CHART_CONFIG,
  };
}
