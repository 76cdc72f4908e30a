import { ImageRun, Paragraph } from "docx";
import { CHART_PIXEL_RATIO } from "../charts/renderChart";
import { LANDSCAPE_TEXT_WIDTH_PX } from "./pageLayout";
import { pngSize } from "./pngSize";

/** Leaves room for a heading on a landscape A4 page (about 700 px of text height). */
const MAX_HEIGHT_PX = 520;

/** A chart scaled to fit the landscape page, described for screen readers (the description is its alt text). */
export function chartParagraph(png: Buffer, description: string): Paragraph {
  const pixels = pngSize(png);
  // The PNG is drawn at CHART_PIXEL_RATIO: its natural size on the page is that much smaller.
  const natural = { width: pixels.width / CHART_PIXEL_RATIO, height: pixels.height / CHART_PIXEL_RATIO };
  const scale = Math.min(1, LANDSCAPE_TEXT_WIDTH_PX / natural.width, MAX_HEIGHT_PX / natural.height);
  return new Paragraph({
    spacing: { after: 240 },
    keepLines: true,
    children: [
      new ImageRun({
        type: "png",
        data: png,
        transformation: { width: Math.round(natural.width * scale), height: Math.round(natural.height * scale) },
        altText: { name: description, description, title: description },
      }),
    ],
  });
}
