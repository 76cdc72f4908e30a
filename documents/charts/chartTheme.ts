import type { RatingValue } from "../../assessment/framework/frameworkSchema";

/** One look for every chart: generic fonts (rendered with whatever sans-serif the host has), print-friendly colours. */
export const CHART_FONT = "sans-serif";

/** Agree green through Disagree red, so the stacked bars read like a traffic light. */
export const RATING_COLOURS: Record<RatingValue, string> = { 4: "#1a7f37", 3: "#7cc47f", 2: "#f0a04b", 1: "#c9372c" };
export const UNRATED_COLOUR = "#c8c8c8";
export const STAFF_COLOUR = "#2f5d8a";
export const YOUNG_PEOPLE_COLOUR = "#e08a2c";

export const CHART_CONFIG = {
  font: CHART_FONT,
  background: "white",
  view: { stroke: null },
  // Area labels arrive pre-wrapped (see areaLabel); "\n" splits them into lines.
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 400 },
  axisY: { labelExpr: "split(datum.label, '\\n')" },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: "bottom" as const, columns: 3, labelLimit: 260 },
  title: { fontSize: 15, anchor: "start" as const },
};

/** Characters per line of an area label. */
const LABEL_LINE_CHARS = 40;

/**
 * "7. Being in safe and settled\naccommodation": the framework's short wording, numbered and
 * wrapped. Without a canvas vega estimates text at about 0.8 em a character, far wider than it
 * renders, and reserves that much room: short lines keep the reserved margin small.
 */
export function areaLabel(area: { number: number; globalLine: string }): string {
  const lines: string[] = [];
  for (const word of `${area.number}. ${area.globalLine}`.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= LABEL_LINE_CHARS)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join("\n");
}
