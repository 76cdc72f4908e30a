import type { TopLevelSpec } from "vega-lite";
import type { CompiledAssessment, CycleScores } from "../../assessment/compile/compiledAssessment";
import { formatCalendarDate } from "../../assessment/time/formatDates";
import { areaLabel, STAFF_COLOUR } from "./chartTheme";
import { groupedScoreBars } from "./groupedScoreBars";

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
  const series = cycles.map(cycleLabel);
  const values = compiled.areas.flatMap((area, index) =>
    cycles.flatMap((cycle) => {
      const score = cycle.globalScores[index];
      return score === null || score === undefined ? [] : [{ area: areaLabel(area), series: cycleLabel(cycle), score }];
    }),
  );
  const older = series.length - 1;
  const colours = [...OLDER_CYCLE_COLOURS.slice(-older), STAFF_COLOUR];
  return groupedScoreBars(compiled, {
    title: "Global scores by cycle",
    barStep: Math.max(8, Math.floor(34 / series.length) + 4),
    values,
    series,
    // More cycles than shades: vega picks the rest from its default scheme.
    colours: older <= OLDER_CYCLE_COLOURS.length ? colours : undefined,
  });
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
