import { Document, Packer, Paragraph, TextRun } from "docx";
import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { formatDate } from "../../assessment/time/formatDates";
import type { ActionPlanRow } from "../actionPlan/actionPlanRows";
import { actionPlanSection } from "./actionPlanSection";
import { pageFrame } from "./pageFrame";
import { pageProperties } from "./pageLayout";

/** The action plan on its own, for the people who will carry it out: same frame and marking as the full document. */
export async function buildActionPlanDocx(
  compiled: CompiledAssessment,
  rows: readonly ActionPlanRow[],
  protectiveMarking: string,
): Promise<Buffer> {
  const authority = compiled.frontSheet.localAuthority || "Local authority not recorded";
  const document = new Document({
    creator: "Care leavers self-assessment bot",
    lastModifiedBy: "Care leavers self-assessment bot",
    title: `Action plan: ${compiled.framework.title}: ${authority}`,
    styles: { default: { document: { run: { font: "Arial", size: 20 } } } },
    sections: [
      {
        properties: pageProperties("landscape"),
        ...pageFrame(compiled, protectiveMarking),
        children: [
          new Paragraph({
            spacing: { after: 120 },
            children: [
              new TextRun({ text: `${authority}: action plan from the self-assessment`, bold: true, size: 32 }),
            ],
          }),
          new Paragraph({
            spacing: { after: 240 },
            children: [new TextRun(`Compiled ${formatDate(compiled.compiledAt, compiled.timeZone)}.`)],
          }),
          ...actionPlanSection(rows, false),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
