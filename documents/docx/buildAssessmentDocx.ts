import { Document, Packer } from "docx";
import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import type { AssessmentCharts } from "../charts/renderCharts";
import { areaSection } from "./areaSection";
import { chartsSection } from "./chartsSection";
import { frontSheetSection } from "./frontSheetSection";
import { globalRatingSection } from "./globalRatingSection";
import { pageProperties } from "./pageLayout";
import { summarySection } from "./summarySection";

/**
 * The completed framework as a Word document: the front sheet on a portrait page, then the area
 * tables, global rating table, charts and summary on landscape pages (the tables have seven columns).
 */
export async function buildAssessmentDocx(compiled: CompiledAssessment, charts: AssessmentCharts | undefined): Promise<Buffer> {
  const document = new Document({
    creator: "Care leavers self-assessment bot",
    title: `${compiled.framework.title}: ${compiled.frontSheet.localAuthority}`,
    description: `Compiled self-assessment for ${compiled.frontSheet.localAuthority}`,
    styles: { default: { document: { run: { font: "Arial", size: 20 } } } },
    sections: [
      { properties: pageProperties("portrait"), children: frontSheetSection(compiled) },
      {
        properties: pageProperties("landscape"),
        children: [
          ...compiled.areas.flatMap((area) => areaSection(compiled, area)),
          ...globalRatingSection(compiled),
          ...chartsSection(charts),
          ...summarySection(compiled),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
