import { HeadingLevel, Paragraph, Table, TableLayoutType, TableRow, TextRun, WidthType } from "docx";
import { headerCell, tableCell } from "./cellContent";

const LABEL_WIDTH = 4000;
const VALUE_WIDTH = 7000;
const ROW_HEIGHT = 600;

/** Blank sign-off fields for whoever approves the self-assessment: filled in by hand or in Word. */
export function signOffSection(): (Paragraph | Table)[] {
  const rows = ["Signed off by (name)", "Role", "Signature", "Date"];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun("Sign-off")] }),
    new Paragraph({
      spacing: { after: 200 },
      children: [new TextRun("This self-assessment has been reviewed and agreed by:")],
    }),
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: LABEL_WIDTH + VALUE_WIDTH, type: WidthType.DXA },
      columnWidths: [LABEL_WIDTH, VALUE_WIDTH],
      rows: rows.map(
        (label) =>
          new TableRow({
            height: { value: ROW_HEIGHT, rule: "atLeast" },
            children: [headerCell([label], LABEL_WIDTH), tableCell([], VALUE_WIDTH)],
          }),
      ),
    }),
  ];
}
