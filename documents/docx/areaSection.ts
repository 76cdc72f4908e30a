import { AlignmentType, HeadingLevel, Paragraph, Table, TableLayoutType, TableRow, TextRun, WidthType } from "docx";
import type { CompiledArea, CompiledAssessment, CompiledStatement } from "../../assessment/compile/compiledAssessment";
import type { RatingValue } from "../../assessment/framework/frameworkSchema";
import {
  commentParagraphs,
  headerCell,
  noteParagraph,
  TABLE_TEXT_SIZE,
  tableCell,
  textParagraphs,
} from "./cellContent";
import { LANDSCAPE_TEXT_WIDTH } from "./pageLayout";
import { plural } from "../../assessment/text/plural";
import { describeChange } from "../../assessment/cycles/change";
import { changeSinceHeading } from "../changeSince";

/** statement | four rating columns | evidence | ideas, in twips, filling a landscape A4 text width. */
const RATING_WIDTH = 1300;
const STATEMENT_WIDTH = 3400;
const EVIDENCE_WIDTH = 4000;
const IDEAS_WIDTH = LANDSCAPE_TEXT_WIDTH - STATEMENT_WIDTH - 4 * RATING_WIDTH - EVIDENCE_WIDTH;
/** From a second cycle on, a change column narrows the evidence column by its width. */
const CHANGE_WIDTH = 1000;

const TICK_NOTE: Record<CompiledStatement["ratingSource"], string> = {
  moderated: "agreed by moderation",
  consensus: "group consensus",
  provisional: "not yet moderated",
  unanswered: "",
};

/** The mark beside a rating the lead accepted from the group's answers, explained once in the legend. */
const ACCEPTED_MARK = "†";

/**
 * One area as the framework lays it out: its heading, then its statement table. The first area
 * carries the tables' legend, so how a rating was agreed is explained once, not in every cell.
 */
export function areaSection(
  compiled: CompiledAssessment,
  area: CompiledArea,
  options: { legend: boolean },
): (Paragraph | Table)[] {
  const group =
    area.group === null
      ? "No working group assigned"
      : `Working group: ${area.group} (${plural(area.members, "member")}, ${area.answeredPercent}% of ratings given)`;
  const changeHeading = changeSinceHeading(compiled);
  const evidenceWidth = changeHeading ? EVIDENCE_WIDTH - CHANGE_WIDTH : EVIDENCE_WIDTH;
  const columns: StatementColumns = { evidenceWidth, changeHeading };
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      pageBreakBefore: true,
      children: [new TextRun(areaHeading(compiled, area))],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: group, italics: true, size: 18 })] }),
    ...(options.legend ? [legendParagraph(changeHeading)] : []),
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: LANDSCAPE_TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [
        STATEMENT_WIDTH,
        RATING_WIDTH,
        RATING_WIDTH,
        RATING_WIDTH,
        RATING_WIDTH,
        ...(changeHeading ? [CHANGE_WIDTH] : []),
        evidenceWidth,
        IDEAS_WIDTH,
      ],
      rows: [
        headerRow(compiled, columns),
        ...area.statements.map((statement) => statementRow(compiled, statement, columns)),
      ],
    }),
  ];
}

/**
 * "1. Gold Standard Area: Listening and responding…", except the last area, which the 2020
 * framework prints without the prefix ("10. Making sure support works for all care leavers…").
 */
export function areaHeading(compiled: CompiledAssessment, area: CompiledArea): string {
  const last = Math.max(...compiled.areas.map((candidate) => candidate.number));
  return area.number === last ? `${area.number}. ${area.title}` : `${area.number}. Gold Standard Area: ${area.title}`;
}

function legendParagraph(changeHeading: string | undefined): Paragraph {
  // Only a later cycle's tables have the change column, so only its legend explains the arrows.
  const change = changeHeading
    ? `   ${changeHeading}: ↑ higher, ↓ lower, = the same as the agreed rating then; "was N" where it is not rated now.`
    : "";
  return new Paragraph({
    spacing: { after: 120 },
    children: [
      new TextRun({ text: "Legend: ", bold: true, size: 18 }),
      new TextRun({
        text: `✓ the agreed rating, with how it was agreed.   ${ACCEPTED_MARK}  rating accepted from the group's answers without discussion.   Where the group agreed a summary of its evidence or ideas, the table shows it; every member's own words are in the appendix.${change}`,
        size: 18,
      }),
    ],
  });
}

/** The evidence column's width, and the change column's heading when there is an earlier cycle. */
interface StatementColumns {
  evidenceWidth: number;
  changeHeading: string | undefined;
}

function headerRow(compiled: CompiledAssessment, columns: StatementColumns): TableRow {
  const { framework } = compiled;
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      headerCell([framework.statementPrompt], STATEMENT_WIDTH, { italics: true, bold: false }),
      ...framework.scale.map((level) => headerCell([level.label, String(level.value)], RATING_WIDTH)),
      ...(columns.changeHeading ? [headerCell([columns.changeHeading], CHANGE_WIDTH)] : []),
      headerCell([framework.evidencePrompt], columns.evidenceWidth),
      headerCell([framework.ideasPrompt], IDEAS_WIDTH),
    ],
  });
}

function statementRow(compiled: CompiledAssessment, statement: CompiledStatement, columns: StatementColumns): TableRow {
  const statementParagraph = new Paragraph({
    children: [
      new TextRun({ text: `${statement.letter}. `, bold: true, size: TABLE_TEXT_SIZE }),
      new TextRun({ text: statement.text, size: TABLE_TEXT_SIZE }),
    ],
  });
  const unanswered = statement.ratingSource === "unanswered" ? [noteParagraph("No answers yet")] : [];
  return new TableRow({
    children: [
      tableCell([statementParagraph, ...unanswered], STATEMENT_WIDTH),
      ...compiled.framework.scale.map((level) => ratingCell(statement, level.value)),
      ...(columns.changeHeading ? [changeCell(statement)] : []),
      tableCell(evidenceParagraphs(statement), columns.evidenceWidth),
      tableCell(
        statement.agreedIdeas === null ? commentParagraphs(statement.ideas) : textParagraphs(statement.agreedIdeas),
        IDEAS_WIDTH,
      ),
    ],
  });
}

/** The agreed column holds the tick and how it was agreed; every column says how many members chose it. */
function ratingCell(statement: CompiledStatement, value: RatingValue) {
  const chosen = statement.distribution[value];
  const count = chosen > 0 ? [noteParagraph(`chosen by ${chosen}`)] : [];
  if (statement.agreedRating !== value) return tableCell(count, RATING_WIDTH);
  const provisional = statement.ratingSource === "provisional";
  const tick = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: "✓", bold: true, size: 28 })],
  });
  const marker = provisional ? [noteParagraph("(provisional)")] : [];
  const accepted = statement.moderation?.acceptedWithoutDiscussion === true;
  const how = noteParagraph(
    accepted ? `${TICK_NOTE[statement.ratingSource]} ${ACCEPTED_MARK}` : TICK_NOTE[statement.ratingSource],
    { italics: true },
  );
  return tableCell([tick, ...marker, how, ...count], RATING_WIDTH, provisional ? "FFF2CC" : "E2EFDA");
}

/** The arrow large, then the previous cycle's rating ("↑ from 2", "= 3", "was 4" when not yet rated now). */
function changeCell(statement: CompiledStatement) {
  const text = describeChange(statement.previousRating, statement.agreedRating);
  return tableCell(
    [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, size: TABLE_TEXT_SIZE })] })],
    CHANGE_WIDTH,
  );
}

const ROUND_WORDS: Record<number, string> = { 2: "a second round", 3: "a third round", 4: "a fourth round" };

/**
 * The group's agreed evidence where recorded, else members' evidence; then the lead's rationale (the
 * framework asks for "any disagreements in rating" here) — none for a rating accepted without
 * discussion, which the legend's mark explains.
 */
function evidenceParagraphs(statement: CompiledStatement): Paragraph[] {
  const paragraphs =
    statement.agreedEvidence === null
      ? commentParagraphs(statement.evidence)
      : textParagraphs(statement.agreedEvidence);
  const afterRounds = statement.round > 1 ? `after ${ROUND_WORDS[statement.round] ?? `round ${statement.round}`}` : "";
  if (statement.moderation?.acceptedWithoutDiscussion === true) {
    // The legend's mark says "accepted"; only a settled second round is worth a line of its own.
    if (afterRounds) paragraphs.push(noteParagraph(`Agreed ${afterRounds}.`));
    return paragraphs;
  }
  if (statement.moderation) {
    const { rationale, decidedBy } = statement.moderation;
    paragraphs.push(
      ...textParagraphs(
        `Moderation (${decidedBy}${afterRounds ? `, ${afterRounds}` : ""}): ${rationale || "no rationale given"}`,
        { bold: true },
      ),
    );
  } else if (statement.flags.length > 0) {
    paragraphs.push(noteParagraph(`Flags: ${statement.flags.join("; ")}`, { color: "9C2A00" }));
  }
  return paragraphs;
}
