import { Resvg } from "@resvg/resvg-js";
import type { TopLevelSpec } from "vega-lite";
import { loadVega } from "./loadVega";

/** Pixels per SVG unit in the PNG: sharp when printed at the size the documents place it. */
export const CHART_PIXEL_RATIO = 2;

/** Vega-Lite → Vega → SVG, headless (no canvas, no DOM). */
export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, vegaLite } = await loadVega();
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * SVG → PNG for Word, which cannot be relied on to show SVG. resvg maps the generic "sans-serif"
 * to Arial and, when that is missing, to its default family; we make that DejaVu Sans (on
 * Debian-based hosts). Where DejaVu is missing too, resvg uses the first system font it finds, so
 * text still renders (in whatever face the host has); with no fonts at all, charts lose their text.
 */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    background: "white",
    fitTo: { mode: "zoom", value: CHART_PIXEL_RATIO },
    font: { loadSystemFonts: true, sansSerifFamily: "DejaVu Sans", defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}

export async function renderChartPng(spec: TopLevelSpec): Promise<Buffer> {
  return svgToPng(await renderChartSvg(spec));
}
