import { AlignmentType, Paragraph, TableOfContents, TextRun } from "docx";
import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { formatCalendarDate } from "../../assessment/time/formatDates";
import type { AssessmentDocxOptions } from "./buildAssessmentDocx";

const COPY_NOTE: Record<AssessmentDocxOptions["copy"], string> = {
  internal: "Internal copy: names the people who took part. Not for publication.",
  publication:
    "Publication copy: no names; e-mail addresses, phone numbers and names in the evidence are shown as [removed].",
};

/**
 * The cover (marking, authority, title, date, final or draft) and, on the next page, the contents:
 * a Word TOC field over the heading 1–2 entries, which Word fills in with page numbers on opening.
 */
export function coverSection(
  compiled: CompiledAssessment,
  options: AssessmentDocxOptions,
): (Paragraph | TableOfContents)[] {
  const authority = compiled.frontSheet.localAuthority || "Local authority not recorded";
  const centred = (text: string, size: number, options: { bold?: boolean; before?: number; color?: string } = {}) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: options.before ?? 0, after: 240 },
      children: [new TextRun({ text, size, bold: options.bold ?? false, color: options.color })],
    });
  return [
    centred(options.protectiveMarking, 28, { bold: true }),
    centred(authority, 48, { bold: true, before: 2400 }),
    centred(compiled.framework.title, 36),
    centred("Self-assessment of services for care leavers", 28, { color: "595959" }),
    centred(formatCalendarDate(compiled.frontSheet.dateCompleted), 28, { before: 1200 }),
    centred(compiled.summary.complete ? "Final version" : "Draft: some ratings are not yet agreed", 24, {
      color: compiled.summary.complete ? "1A7F37" : "9C2A00",
    }),
    centred(COPY_NOTE[options.copy], 22, { color: "595959", before: 600 }),
    // Not a heading: the contents would list itself.
    new Paragraph({
      pageBreakBefore: true,
      spacing: { after: 240 },
      children: [new TextRun({ text: "Contents", bold: true, size: 32 })],
    }),
    new TableOfContents("Contents", { hyperlink: true, headingStyleRange: "1-2" }),
  ];
}
