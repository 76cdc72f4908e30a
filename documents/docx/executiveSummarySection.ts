import { HeadingLevel, Paragraph, Table, TableRow, TextRun } from "docx";
import { landscapeTable } from "./landscapeTable";
import type { CompiledArea, CompiledAssessment, StatementReference } from "../../assessment/compile/compiledAssessment";
import { rankActions } from "../../assessment/compile/rankActions";
import type { AssessmentCharts } from "../charts/renderCharts";
import { formatGlobalScore } from "../describeRating";
import { ratingShares } from "../ratingShares";
import { describeGap, formatYoungPeopleScore, YOUNG_PEOPLE_GAP_POINTS, youngPeopleGap } from "../youngPeopleGap";
import { tableCell, textParagraphs } from "./cellContent";
import { chartParagraph } from "./chartParagraph";
import { describeScoresByCycle } from "../charts/scoresByCycleSpec";
import { methodsNote } from "./methodsNote";
import { LANDSCAPE_TEXT_WIDTH } from "./pageLayout";

export const EXECUTIVE_SUMMARY_HEADING = "Executive summary";
/** How many strengths, priorities and unresolved items the summary names; the body has them all. */
const TOP = 5;
const UNRESOLVED_SHOWN = 8;

/**
 * What a director reads first: each area's global score beside the share of its statements at each
 * rating (and the young people's score), the charts, the top strengths and priorities, what is
 * still open and how the assessment was done.
 */
export function executiveSummarySection(
  compiled: CompiledAssessment,
  charts: AssessmentCharts | undefined,
): (Paragraph | Table)[] {
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun(EXECUTIVE_SUMMARY_HEADING)],
    }),
    new Paragraph({ spacing: { after: 160 }, children: [new TextRun(overview(compiled))] }),
    heading("Global scores and agreed ratings by area"),
    scoresTable(compiled),
    ...youngPeopleNote(compiled),
    ...(charts
      ? [
          chartParagraph(charts.ratingShares, "Share of each area's statements at each agreed rating, as percentages"),
          chartParagraph(charts.globalScores, "Global scores per area out of 10, staff and young people"),
          ...(charts.scoresByCycle ? [chartParagraph(charts.scoresByCycle, describeScoresByCycle(compiled))] : []),
        ]
      : []),
    heading("Top strengths", true),
    ...numbered(
      topStrengths(compiled).map((ref) => `${ref.statementId} ${ref.text}${provisional(ref)}`),
      "No statement is agreed at “Agree at present” yet.",
    ),
    heading("Top priorities"),
    ...numbered(
      rankActions(compiled.areas)
        .filter((action) => action.agreedRating <= 2)
        .slice(0, TOP)
        .map(
          (action) =>
            `${action.statementId} ${action.text}${provisional(action)}${action.ideas[0] ? ` Idea: ${action.ideas[0].text}` : ""}`,
        ),
      "No statement is agreed at “Mostly disagree” or “Disagree at present”.",
    ),
    heading("What is unresolved"),
    ...unresolved(compiled),
    ...methodsNote(compiled),
  ];
}

/** Where the young people's scores came from, and each area where they differ from staff by 3 points or more. */
function youngPeopleNote(compiled: CompiledAssessment): Paragraph[] {
  if (!compiled.areas.some((area) => area.youngPeopleScore !== undefined)) return [];
  const max = compiled.framework.globalScoreMax;
  const from = compiled.youngPeopleSource ? ` (from: ${compiled.youngPeopleSource})` : "";
  const gaps = compiled.areas.flatMap((area) => {
    const gap = youngPeopleGap(area);
    return gap?.notable
      ? [
          `Area ${area.number}, ${area.globalLine}: young people ${area.youngPeopleScore} / ${max}, staff ${area.globalScore.value} / ${max} — ${describeGap(gap.difference)}.`,
        ]
      : [];
  });
  const intro =
    gaps.length === 0
      ? `Young people's own scores${from} are within ${YOUNG_PEOPLE_GAP_POINTS - 1} points of the staff's in every area they scored.`
      : `Young people's own scores${from} differ from the staff's by ${YOUNG_PEOPLE_GAP_POINTS} points or more in ${gaps.length} ${gaps.length === 1 ? "area" : "areas"}:`;
  return [
    new Paragraph({ spacing: { before: 160 }, children: [new TextRun({ text: intro, bold: gaps.length > 0 })] }),
    ...gaps.map((line) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(line)] })),
  ];
}

function heading(text: string, pageBreakBefore = false): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore, children: [new TextRun(text)] });
}

function overview(compiled: CompiledAssessment): string {
  const statements = compiled.areas.flatMap((area) => area.statements);
  const agreeing = statements.filter((statement) => (statement.agreedRating ?? 0) >= 3).length;
  const percent = statements.length === 0 ? 0 : Math.round((agreeing * 100) / statements.length);
  const status = compiled.summary.complete
    ? "This is the final version: every rating and global score is agreed."
    : "This is a draft: some ratings are not yet agreed.";
  return `${status} Across ${statements.length} statements in ${compiled.areas.length} areas, ${percent}% are rated “Agree at present” or “Mostly agree”; ${compiled.summary.strengths.length} are strengths and ${compiled.summary.priorities.length} are priorities for action.`;
}

function scoresTable(compiled: CompiledAssessment): Table {
  const max = compiled.framework.globalScoreMax;
  const withYoungPeople = compiled.areas.some((area) => area.youngPeopleScore !== undefined);
  const first = compiled.areas[0];
  const shareHeaders = first ? ratingShares(compiled, first).map((share) => `${share.label} %`) : [];
  const header = [
    "Area",
    `Staff score (out of ${max})`,
    ...(withYoungPeople ? [`Young people (out of ${max})`] : []),
    ...shareHeaders,
  ];
  const areaWidth = 4200;
  const other = Math.floor((LANDSCAPE_TEXT_WIDTH - areaWidth) / (header.length - 1));
  const widths = header.map((_, index) => (index === 0 ? areaWidth : other));
  const row = (area: CompiledArea) => [
    `${area.number}. ${area.globalLine}`,
    formatGlobalScore(area.globalScore, max),
    ...(withYoungPeople ? [formatYoungPeopleScore(area, max)] : []),
    ...ratingShares(compiled, area).map((share) => `${share.percent}%`),
  ];
  return landscapeTable(
    header,
    widths,
    compiled.areas.map((area) => {
      const gap = youngPeopleGap(area);
      return new TableRow({
        cantSplit: true,
        children: row(area).map((text, index) =>
          tableCell(
            textParagraphs(text, { bold: index === 2 && withYoungPeople && gap?.notable === true }),
            widths[index] ?? other,
          ),
        ),
      });
    }),
  );
}

/** Strengths in the areas with the highest global scores first, then framework order. */
function topStrengths(compiled: CompiledAssessment): StatementReference[] {
  const score = new Map(compiled.areas.map((area) => [area.number, area.globalScore.value ?? -1]));
  return [...compiled.summary.strengths]
    .map((ref, index) => ({ ref, index }))
    .sort((a, b) => (score.get(b.ref.areaNumber) ?? -1) - (score.get(a.ref.areaNumber) ?? -1) || a.index - b.index)
    .slice(0, TOP)
    .map(({ ref }) => ref);
}

function provisional(ref: { ratingSource: string }): string {
  return ref.ratingSource === "provisional" ? " (provisional)" : "";
}

function numbered(lines: readonly string[], none: string): Paragraph[] {
  if (lines.length === 0) return [new Paragraph({ children: [new TextRun({ text: none, italics: true })] })];
  return lines.map(
    (line, index) =>
      new Paragraph({
        spacing: { after: 80 },
        children: [new TextRun({ text: `${index + 1}. `, bold: true }), new TextRun(line)],
      }),
  );
}

function unresolved(compiled: CompiledAssessment): Paragraph[] {
  const items = compiled.summary.unresolved;
  if (items.length === 0)
    return [new Paragraph({ children: [new TextRun("Nothing: every statement and global score is agreed.")] })];
  const more =
    items.length > UNRESOLVED_SHOWN
      ? [
          new Paragraph({
            children: [
              new TextRun({
                text: `…and ${items.length - UNRESOLVED_SHOWN} more, listed under “Unresolved”.`,
                italics: true,
              }),
            ],
          }),
        ]
      : [];
  return [
    new Paragraph({
      children: [new TextRun(`${items.length} ${items.length === 1 ? "item is" : "items are"} not yet agreed:`)],
    }),
    ...items
      .slice(0, UNRESOLVED_SHOWN)
      .map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item.description)] })),
    ...more,
  ];
}
