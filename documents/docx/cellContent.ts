import { Paragraph, TableCell, TextRun, WidthType, type IRunOptions } from "docx";
import type { AttributedComment } from "../../assessment/compile/compiledAssessment";

/** Table text is 9 pt (docx sizes are half-points): the framework's seven columns are narrow. */
export const TABLE_TEXT_SIZE = 18;
const NOTE_COLOUR = "595959";

type RunStyle = Omit<IRunOptions, "text" | "children" | "break">;

/** One paragraph per line the member typed, so their line breaks and lists survive. */
export function textParagraphs(text: string, style: RunStyle = {}): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => new Paragraph({ children: [new TextRun({ text: line, size: TABLE_TEXT_SIZE, ...style })] }));
}

/** Each merged comment, then who made it: "text — Member 1, Member 4". */
export function commentParagraphs(comments: readonly AttributedComment[]): Paragraph[] {
  return comments.map(
    (comment) =>
      new Paragraph({
        spacing: { after: 80 },
        children: [
          ...comment.text
            .split(/\r?\n/)
            .map((line, index) => new TextRun({ text: line, size: TABLE_TEXT_SIZE, break: index > 0 ? 1 : 0 })),
          new TextRun({
            text: ` — ${comment.attribution.join(", ")}`,
            size: TABLE_TEXT_SIZE,
            italics: true,
            color: NOTE_COLOUR,
          }),
        ],
      }),
  );
}

/** A small grey note, e.g. how a rating was decided. */
export function noteParagraph(text: string, style: RunStyle = {}): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, size: 16, color: NOTE_COLOUR, ...style })] });
}

/** A cell of a fixed width in twips; Word refuses a cell with no paragraph, so an empty one gets one. */
export function tableCell(children: readonly Paragraph[], widthTwips: number, shading?: string): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph({})],
    width: { size: widthTwips, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    ...(shading ? { shading: { fill: shading, type: "clear", color: "auto" } } : {}),
  });
}

/** A bold header cell on a grey background. */
export function headerCell(lines: readonly string[], widthTwips: number, style: RunStyle = {}): TableCell {
  const paragraphs = lines.map(
    (line) => new Paragraph({ children: [new TextRun({ text: line, bold: true, size: TABLE_TEXT_SIZE, ...style })] }),
  );
  return tableCell(paragraphs, widthTwips, "E7E6E6");
}
