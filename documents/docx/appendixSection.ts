import { HeadingLevel, Paragraph, TextRun } from "docx";
import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { commentParagraphs, noteParagraph } from "./cellContent";
import { areaHeading } from "./areaSection";

/**
 * Every member's own words, by area and statement in framework order: the area tables show the
 * group's agreed text where the lead recorded it, so the raw words live here. Attribution is whatever
 * the compiled copy carries (names inside the council, "Member n" and redactions in the publication copy).
 */
export function appendixSection(compiled: CompiledAssessment): Paragraph[] {
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun("Appendix: members' own words")],
    }),
    new Paragraph({
      spacing: { after: 200 },
      children: [
        new TextRun(
          "Each member's evidence and ideas as they wrote them, by area and statement. Where the group agreed a summary, the area tables show that instead.",
        ),
      ],
    }),
    ...compiled.areas.flatMap((area) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(areaHeading(compiled, area))] }),
      ...area.statements.flatMap((statement) => [
        new Paragraph({
          heading: HeadingLevel.HEADING_3,
          children: [new TextRun(`${statement.id}. ${statement.text}`)],
        }),
        ...wordsOf("Evidence", statement.evidence),
        ...wordsOf("Ideas for improvement", statement.ideas),
      ]),
    ]),
  ];
}

function wordsOf(label: string, comments: Parameters<typeof commentParagraphs>[0]): Paragraph[] {
  if (comments.length === 0) return [noteParagraph(`${label}: none given`, { italics: true })];
  return [noteParagraph(label, { bold: true }), ...commentParagraphs(comments)];
}
