import type { TopLevelSpec } from "vega-lite";
import type { CompiledAssessment, CycleScores } from "../../assessment/compile/compiledAssessment";
import { formatCalendarDate } from "../../assessment/time/formatDates";
import { areaLabel, CHART_CONFIG, STAFF_COLOUR } from "./chartTheme";

/** Older cycles lighter, this one the staff colour: the eye finds the latest bar first. */
const OLDER_CYCLE_COLOURS = ["#c6d4e3", "#9bb3cc", "#6f91b4"];

/** "Cycle of 30 January 2026" (or "… (paper)" for an imported one): the legend's name for a cycle. */
export function cycleLabel(cycle: CycleScores): string {
  return `${formatCalendarDate(cycle.completedOn)}${cycle.source === "imported" ? " (paper)" : ""}`;
}

/** Grouped horizontal bars: each area's global score in every cycle, oldest first; undefined for a first cycle. */
export function scoresByCycleSpec(compiled: CompiledAssessment): TopLevelSpec | undefined {
  const cycles = compiled.cycles;
  if (!cycles || cycles.length < 2) return undefined;
  const max = compiled.framework.globalScoreMax;
  const series = cycles.map(cycleLabel);
  const values = compiled.areas.flatMap((area, index) =>
    cycles.flatMap((cycle, cycleIndex) => {
      const score = cycle.globalScores[index];
      return score === null || score === undefined ? [] : [{ area: areaLabel(area), cycle: series[cycleIndex], score }];
    }),
  );
  const older = series.length - 1;
  const colours = [...OLDER_CYCLE_COLOURS.slice(-older), STAFF_COLOUR];
  return {
    title: `Global scores by cycle (out of ${max})`,
    width: 560,
    height: { step: Math.max(8, Math.floor(34 / series.length) + 4) },
    data: { values },
    mark: { type: "bar" },
    encoding: {
      y: { field: "area", type: "nominal", sort: compiled.areas.map(areaLabel), title: null },
      yOffset: { field: "cycle", type: "nominal", sort: series },
      x: {
        field: "score",
        type: "quantitative",
        title: "Score",
        scale: { domain: [0, max] },
        axis: { tickMinStep: 1 },
      },
      color: {
        field: "cycle",
        type: "nominal",
        title: null,
        sort: series,
        // More cycles than shades: vega picks the rest from its default scheme.
        scale: { domain: series, ...(older <= OLDER_CYCLE_COLOURS.length ? { range: colours } : {}) },
      },
    },
    config: CHART_CONFIG,
  };
}

/**
 * The chart's data in words, as its alt text: a screen reader (or a search of the document) gets
 * every area's score in each cycle, "1. Listening…: 6 → 7", not just a title.
 */
export function describeScoresByCycle(compiled: CompiledAssessment): string {
  const cycles = compiled.cycles ?? [];
  const lines = compiled.areas.map(
    (area, index) =>
      `${area.number}. ${area.globalLine}: ${cycles.map((cycle) => String(cycle.globalScores[index] ?? "–")).join(" → ")}`,
  );
  return `Global scores by cycle (${cycles.map(cycleLabel).join(", ")}): ${lines.join("; ")}`;
}
