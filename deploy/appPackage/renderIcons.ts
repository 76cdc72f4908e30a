import { readFile } from "node:fs/promises";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";

export interface RenderedIcons {
  /** 192×192 PNG. */
  color: Uint8Array;
  /** 32×32 PNG, white on transparent. */
  outline: Uint8Array;
}

/** The sizes Teams requires; the SVG sources are drawn on the same grid so nothing is resampled oddly. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

const ICON_SOURCES = path.join(__dirname, "icons");

/**
 * Renders the two package icons from the SVG sources kept beside this file, so the PNGs are
 * build output and never drift from the sources. No background is painted: the outline icon must
 * stay transparent, and the colour icon's rounded corners too.
 */
export async function renderIcons(sourceDir: string = ICON_SOURCES): Promise<RenderedIcons> {
  const [color, outline] = await Promise.all([
    renderSvg(path.join(sourceDir, "color.svg"), ICON_SIZES.color),
    renderSvg(path.join(sourceDir, "outline.svg"), ICON_SIZES.outline),
  ]);
  return { color, outline };
}

async function renderSvg(file: string, size: number): Promise<Uint8Array> {
  const svg = await readFile(file, "utf8");
  // No text in the icons, so skipping the system font scan keeps rendering fast and machine-independent.
  const rendered = new Resvg(svg, { fitTo: { mode: "width", value: size }, font: { loadSystemFonts: false } }).render();
  if (rendered.width !== size || rendered.height !== size) {
    throw new Error(
      `${path.basename(file)} rendered at ${rendered.width}×${rendered.height}, expected ${size}×${size}: its viewBox must be square`,
    );
  }
  return new Uint8Array(rendered.asPng());
}
