import { join } from "node:path";
import { JSDOM } from "jsdom";
import { dumpDom, screenshot } from "./chromium";
import { CARD_MARGIN_PX, CARD_WIDTH_PX, PAGE_WIDTH_PX } from "./galleryStyles";

export interface ScreenshotPlan {
  chromium: string;
  indexPath: string;
  /** Each card's own page, by entry id. */
  cardPages: ReadonlyArray<{ id: string; htmlPath: string }>;
  pngDir: string;
}

/**
 * One PNG per card plus the whole page. Chromium's --screenshot takes a fixed window, so the
 * gallery page first measures itself (see MEASURE_SCRIPT) and each shot is sized to its card.
 */
export function takeScreenshots(plan: ScreenshotPlan): string[] {
  const measured = new JSDOM(dumpDom(plan.chromium, plan.indexPath, { width: PAGE_WIDTH_PX, height: 1000 })).window
    .document;
  const heightOf = (element: Element | null, what: string) => {
    const height = Number(element?.getAttribute("data-height"));
    if (!Number.isFinite(height) || height <= 0) throw new Error(`the gallery page did not measure ${what}`);
    return height;
  };
  const shots = plan.cardPages.map(({ id, htmlPath }) => {
    const pngPath = join(plan.pngDir, `${id}.png`);
    const height = heightOf(measured.querySelector(`[data-card="${id}"]`), `card ${id}`);
    screenshot(plan.chromium, htmlPath, pngPath, {
      width: CARD_WIDTH_PX + 2 * CARD_MARGIN_PX,
      height: height + 2 * CARD_MARGIN_PX,
    });
    return pngPath;
  });
  const pagePng = join(plan.pngDir, "gallery.png");
  screenshot(plan.chromium, plan.indexPath, pagePng, {
    width: PAGE_WIDTH_PX,
    height: heightOf(measured.body, "its own height"),
  });
  return [...shots, pagePng];
}
