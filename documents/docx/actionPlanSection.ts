import { HeadingLevel, Paragraph, Table, TableRow, TextRun } from "docx";
import { landscapeTable } from "./landscapeTable";
import type { ActionPlanRow } from "../actionPlan/actionPlanRows";
import { noteParagraph, TABLE_TEXT_SIZE, tableCell, textParagraphs } from "./cellContent";
import { LANDSCAPE_TEXT_WIDTH } from "./pageLayout";

export const ACTION_PLAN_HEADING = "Action plan";

const RANK = 600;
const STATEMENT = 4400;
const RATING = 1500;
const OWNER = 1800;
const DUE = 1300;
const STATUS = 1300;
const IDEAS = LANDSCAPE_TEXT_WIDTH - RANK - STATEMENT - RATING - OWNER - DUE - STATUS;
const WIDTHS = [RANK, STATEMENT, RATING, IDEAS, OWNER, DUE, STATUS];
const HEADERS = ["#", "Statement", "Agreed rating", "Ideas for improvement", "Owner", "Due date", "Status"];

/**
 * The ranked actions as a table: the same rows as the action plan CSV, in the same order, so the
 * plan a committee reads and the one imported into Microsoft Lists are one plan.
 */
export function actionPlanSection(rows: readonly ActionPlanRow[], pageBreakBefore = true): (Paragraph | Table)[] {
  const intro = new Paragraph({
    spacing: { after: 120 },
    children: [
      new TextRun({
        text: "Statements agreed at 1 or 2 come first, then those at 3; within each, the areas with the lowest global score first, then the statements with most ideas. Owners, due dates and status are as leads and the coordinator last set them with the bot's actions command.",
        italics: true,
        size: 18,
      }),
    ],
  });
  if (rows.length === 0)
    return [
      heading(pageBreakBefore),
      new Paragraph({ children: [new TextRun({ text: "No statement needs an action.", italics: true })] }),
    ];
  return [heading(pageBreakBefore), intro, landscapeTable(HEADERS, WIDTHS, rows.map(actionRow))];
}

function heading(pageBreakBefore: boolean): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    pageBreakBefore,
    children: [new TextRun(ACTION_PLAN_HEADING)],
  });
}

function actionRow(row: ActionPlanRow): TableRow {
  const statement = new Paragraph({
    children: [
      new TextRun({ text: `${row.statementId} `, bold: true, size: TABLE_TEXT_SIZE }),
      new TextRun({ text: row.statementText, size: TABLE_TEXT_SIZE }),
    ],
  });
  const ideas =
    row.ideas.length === 0
      ? [noteParagraph("No ideas given")]
      : row.ideas.flatMap((idea) => textParagraphs(`• ${idea}`));
  return new TableRow({
    cantSplit: true,
    children: [
      tableCell(textParagraphs(String(row.rank)), RANK),
      tableCell([statement], STATEMENT),
      tableCell(textParagraphs(`${row.agreedRating} ${row.ratingLabel}`), RATING),
      tableCell(ideas, IDEAS),
      tableCell(textParagraphs(row.owner), OWNER),
      tableCell(textParagraphs(row.dueDate), DUE),
      tableCell(textParagraphs(row.status), STATUS),
    ],
  });
}
