import { HeadingLevel, ImageRun, Paragraph, TextRun } from "docx";
import { CHART_PIXEL_RATIO } from "../charts/renderChart";
import type { AssessmentCharts } from "../charts/renderCharts";
import { LANDSCAPE_TEXT_WIDTH_PX } from "./pageLayout";
import { pngSize } from "./pngSize";

/** Leaves room for the heading on a landscape A4 page (about 700 px of text height). */
const MAX_HEIGHT_PX = 560;

/** The two charts, each scaled to fit the landscape page; nothing when charts were not rendered. */
export function chartsSection(charts: AssessmentCharts | undefined): Paragraph[] {
  if (!charts) return [];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: true, children: [new TextRun("Charts")] }),
    chartParagraph(charts.ratingsPerArea, "Agreed ratings per area: how many statements have each rating"),
    chartParagraph(charts.globalScores, "Global scores per area"),
  ];
}

function chartParagraph(png: Buffer, description: string): Paragraph {
  const pixels = pngSize(png);
  // The PNG is drawn at CHART_PIXEL_RATIO: its natural size on the page is that much smaller.
  const natural = { width: pixels.width / CHART_PIXEL_RATIO, height: pixels.height / CHART_PIXEL_RATIO };
  const scale = Math.min(1, LANDSCAPE_TEXT_WIDTH_PX / natural.width, MAX_HEIGHT_PX / natural.height);
  return new Paragraph({
    spacing: { after: 240 },
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
