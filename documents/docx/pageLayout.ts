import { PageOrientation, type ISectionPropertiesOptions } from "docx";

/** A4 in twips (1/1440 inch); docx swaps width and height itself for landscape. */
const A4_WIDTH = 11906;
const A4_HEIGHT = 16838;
const MARGIN = 720;

/** Usable width of a landscape A4 page with half-inch margins, for the framework's seven-column tables. */
export const LANDSCAPE_TEXT_WIDTH = A4_HEIGHT - 2 * MARGIN;

/** Same, in pixels at 96 per inch, for sizing images. */
export const LANDSCAPE_TEXT_WIDTH_PX = Math.floor((LANDSCAPE_TEXT_WIDTH / 1440) * 96);

export function pageProperties(orientation: "portrait" | "landscape"): ISectionPropertiesOptions {
  return {
    page: {
      size: {
        width: A4_WIDTH,
        height: A4_HEIGHT,
        orientation: orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    },
  };
}
