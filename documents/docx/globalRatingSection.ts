import { HeadingLevel, Paragraph, Table, TableRow, TextRun } from "docx";
import { landscapeTable } from "./landscapeTable";
import type { CompiledArea, CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { describeGlobalScore, formatGlobalScore } from "../describeRating";
import { formatYoungPeopleScore } from "../youngPeopleGap";
import { tableCell, textParagraphs } from "./cellContent";
import { LANDSCAPE_TEXT_WIDTH } from "./pageLayout";
import { changeSinceHeading } from "../changeSince";
import { describeChange } from "../../assessment/cycles/change";

const SCORE_WIDTH = 1900;
const YOUNG_PEOPLE_WIDTH = 1900;
const CHANGE_WIDTH = 1600;

/**
 * The framework's "Final 'global' rating" table: its own wording for each area, the agreed score
 * out of 10, how it was decided and, when recorded, the young people's score to compare.
 */
export function globalRatingSection(compiled: CompiledAssessment): (Paragraph | Table)[] {
  const withYoungPeople = compiled.areas.some((area) => area.youngPeopleScore !== undefined);
  const changeHeading = changeSinceHeading(compiled);
  const extraWidth = (withYoungPeople ? YOUNG_PEOPLE_WIDTH : 0) + (changeHeading ? CHANGE_WIDTH : 0);
  const lineWidth = Math.round((LANDSCAPE_TEXT_WIDTH - SCORE_WIDTH - extraWidth) * 0.55);
  const howWidth = LANDSCAPE_TEXT_WIDTH - SCORE_WIDTH - extraWidth - lineWidth;
  const widths = [
    lineWidth,
    SCORE_WIDTH,
    ...(withYoungPeople ? [YOUNG_PEOPLE_WIDTH] : []),
    ...(changeHeading ? [CHANGE_WIDTH] : []),
    howWidth,
  ];
  const max = compiled.framework.globalScoreMax;
  const header = [
    "Gold standard area",
    `Score (out of ${max})`,
    ...(withYoungPeople ? ["Young people's score"] : []),
    ...(changeHeading ? [changeHeading] : []),
    "How it was decided",
  ];
  const row = (area: CompiledArea) => [
    `${compiled.framework.globalLinePrefix} ${area.globalLine}`,
    formatGlobalScore(area.globalScore, max),
    ...(withYoungPeople ? [formatYoungPeopleScore(area, max)] : []),
    ...(changeHeading ? [describeChange(area.globalScore.previousValue, area.globalScore.value)] : []),
    describeGlobalScore(area.globalScore),
  ];
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      pageBreakBefore: true,
      children: [new TextRun("Final ‘global’ rating in each Gold standard area")],
    }),
    new Paragraph({
      spacing: { after: 120 },
      children: [new TextRun({ text: compiled.framework.globalScorePrompt, italics: true })],
    }),
    landscapeTable(
      header,
      widths,
      compiled.areas.map(
        (area) =>
          new TableRow({
            cantSplit: true,
            children: row(area).map((text, index) => tableCell(textParagraphs(text), widths[index] ?? 0)),
          }),
      ),
    ),
  ];
}
