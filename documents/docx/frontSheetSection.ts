import { HeadingLevel, Paragraph, Table, TableLayoutType, TableRow, TextRun, WidthType } from "docx";
import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { formatCalendarDate, formatDate } from "../../assessment/time/formatDates";
import { headerCell, tableCell, textParagraphs } from "./cellContent";

const LABEL_WIDTH = 3600;
const VALUE_WIDTH = 6200;

/** The body's opening: the framework's front sheet, with whether this is the final version or a draft. */
export function frontSheetSection(compiled: CompiledAssessment): (Paragraph | Table)[] {
  const sheet = compiled.frontSheet;
  const rows: [string, string][] = [
    ["Name of Local authority:", sheet.localAuthority || "Not recorded"],
    ["Date self-assessment completed:", formatCalendarDate(sheet.dateCompleted)],
    ["Describe how the self-assessment was completed", sheet.completionMethod],
    [
      "Who was involved in completing the self-assessment? (number of people, types of roles of people involved etc.)",
      describePeople(compiled),
    ],
  ];
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun("The self-assessment")],
    }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun("Front sheet")] }),
    new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: statusLine(compiled), bold: true })] }),
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: LABEL_WIDTH + VALUE_WIDTH, type: WidthType.DXA },
      columnWidths: [LABEL_WIDTH, VALUE_WIDTH],
      rows: rows.map(
        ([label, value]) =>
          new TableRow({ children: [headerCell([label], LABEL_WIDTH), tableCell(textParagraphs(value), VALUE_WIDTH)] }),
      ),
    }),
    new Paragraph({
      spacing: { before: 200 },
      children: [new TextRun({ text: attributionLine(compiled), italics: true, size: 18 })],
    }),
  ];
}

function describePeople(compiled: CompiledAssessment): string {
  const { peopleInvolved, rolesInvolved } = compiled.frontSheet;
  const count = `${peopleInvolved} ${peopleInvolved === 1 ? "person" : "people"} took part (members, leads and moderators).`;
  return rolesInvolved === null ? count : `${count}\n${rolesInvolved}`;
}

function statusLine(compiled: CompiledAssessment): string {
  if (compiled.summary.complete) return "Final: every statement and global score is agreed.";
  const open = compiled.summary.unresolved.length;
  return `Draft: ${open} ${open === 1 ? "item is" : "items are"} still unresolved (listed at the end).`;
}

function attributionLine(compiled: CompiledAssessment): string {
  const when = `Compiled ${formatDate(compiled.compiledAt, compiled.timeZone)}.`;
  return compiled.attribution === "anonymous"
    ? `${when} Comments are attributed anonymously: "Member 1", "Member 2"… are numbered separately in each area.`
    : `${when} Comments are attributed to the members who wrote them.`;
}
