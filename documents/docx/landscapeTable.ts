import { Table, TableLayoutType, TableRow, WidthType } from "docx";
import { headerCell } from "./cellContent";
import { LANDSCAPE_TEXT_WIDTH } from "./pageLayout";

/**
 * A table across a landscape page with fixed column widths (Word keeps them as given) and a header
 * row of one line per column, repeated at the top of every page the table runs onto.
 */
export function landscapeTable(
  headers: readonly string[],
  widths: readonly number[],
  rows: readonly TableRow[],
): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: LANDSCAPE_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...widths],
    rows: [
      new TableRow({
        tableHeader: true,
        children: headers.map((text, index) => headerCell([text], widths[index] ?? 0)),
      }),
      ...rows,
    ],
  });
}
