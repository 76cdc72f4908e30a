import { HeadingLevel, Paragraph, TextRun } from "docx";
import type {
  CompiledAssessment,
  StatementReference,
  UnresolvedItem,
} from "../../assessment/compile/compiledAssessment";
import { ratingLabel } from "../describeRating";

/**
 * Strengths, priorities for action and what is unresolved. Statements are named by id only: each
 * statement's text appears once in the document, in its area's table.
 */
export function summarySection(compiled: CompiledAssessment): Paragraph[] {
  const { summary } = compiled;
  return [
    heading("Strengths (agreed “Agree at present”)", true),
    ...byArea(compiled, summary.strengths, (refs) => refs.map((ref) => describeReference(ref)).join(", ")),
    heading("Priorities for action (agreed “Mostly disagree” or “Disagree at present”)"),
    ...byArea(compiled, summary.priorities, (refs) =>
      refs.map((ref) => describeReference(ref, ratingLabel(compiled, ref.agreedRating))).join("; "),
    ),
    heading("Unresolved"),
    ...unresolvedParagraphs(summary.unresolved),
  ];
}

function heading(text: string, pageBreakBefore = false): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore, children: [new TextRun(text)] });
}

/** "3c", "2b Disagree at present", "2e Mostly disagree (provisional)". */
function describeReference(ref: StatementReference, label = ""): string {
  const text = label === "" ? ref.statementId : `${ref.statementId} ${label}`;
  return ref.ratingSource === "provisional" ? `${text} (provisional)` : text;
}

/** One bullet per area that has any, e.g. "Area 3: 3a, 3c (provisional)". */
function byArea<T extends StatementReference>(
  compiled: CompiledAssessment,
  refs: readonly T[],
  describe: (refs: T[]) => string,
): Paragraph[] {
  const lines = compiled.areas
    .map((area) => ({ area, refs: refs.filter((ref) => ref.areaNumber === area.number) }))
    .filter(({ refs: inArea }) => inArea.length > 0)
    .map(({ area, refs: inArea }) => bullet(`Area ${area.number} (${area.globalLine}): ${describe(inArea)}`));
  return lines.length > 0 ? lines : [new Paragraph({ children: [new TextRun({ text: "None.", italics: true })] })];
}

function unresolvedParagraphs(items: readonly UnresolvedItem[]): Paragraph[] {
  if (items.length === 0)
    return [
      new Paragraph({ children: [new TextRun("Nothing is unresolved: every statement and global score is agreed.")] }),
    ];
  return items.map((item) => bullet(item.description));
}

function bullet(text: string): Paragraph {
  return new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] });
}
