import { Document, Packer } from "docx";
import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import type { AssessmentCharts } from "../charts/renderCharts";
import { actionPlanRows } from "../actionPlan/actionPlanRows";
import { actionPlanSection } from "./actionPlanSection";
import { appendixSection } from "./appendixSection";
import { areaSection } from "./areaSection";
import { coverSection } from "./coverSection";
import { executiveSummarySection } from "./executiveSummarySection";
import { frontSheetSection } from "./frontSheetSection";
import { globalRatingSection } from "./globalRatingSection";
import { pageFrame } from "./pageFrame";
import { pageProperties } from "./pageLayout";
import { signOffSection } from "./signOffSection";
import { summarySection } from "./summarySection";

export interface AssessmentDocxOptions {
  /** Printed on the cover and in every page's footer, e.g. "OFFICIAL". */
  readonly protectiveMarking: string;
  /** Said on the cover, so nobody sends the named copy out by mistake. */
  readonly copy: "internal" | "publication";
}

/**
 * The completed framework as a Word document a director can read from page 1: cover and contents
 * on portrait pages, then the executive summary, the framework's front sheet, the area tables (the
 * body), the global rating table, the full lists and the sign-off on landscape pages (the tables
 * have seven columns), then the appendix of members' own words. Every page has the running header and the marked, numbered footer.
 */
export async function buildAssessmentDocx(
  compiled: CompiledAssessment,
  charts: AssessmentCharts | undefined,
  options: AssessmentDocxOptions,
): Promise<Buffer> {
  const frame = pageFrame(compiled, options.protectiveMarking);
  const document = new Document({
    creator: "Care leavers self-assessment bot",
    lastModifiedBy: "Care leavers self-assessment bot",
    title: `${compiled.framework.title}: ${compiled.frontSheet.localAuthority}`,
    description: `Compiled self-assessment for ${compiled.frontSheet.localAuthority}`,
    // Word asks to update fields on opening, which fills in the contents' page numbers.
    features: { updateFields: true },
    styles: { default: { document: { run: { font: "Arial", size: 20 } } } },
    sections: [
      { properties: pageProperties("portrait"), ...frame, children: coverSection(compiled, options) },
      {
        properties: pageProperties("landscape"),
        ...frame,
        children: [
          ...executiveSummarySection(compiled, charts),
          ...frontSheetSection(compiled),
          ...compiled.areas.flatMap((area, index) => areaSection(compiled, area, { legend: index === 0 })),
          ...globalRatingSection(compiled),
          ...summarySection(compiled),
          ...actionPlanSection(actionPlanRows(compiled)),
          ...signOffSection(),
          ...appendixSection(compiled),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
