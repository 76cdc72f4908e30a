import { AlignmentType, Footer, Header, PageNumber, Paragraph, TextRun } from "docx";
import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";

const FRAME_TEXT_SIZE = 16;
const FRAME_COLOUR = "595959";

/** The running header and footer every section of the document carries. */
export interface PageFrame {
  headers: { default: Header };
  footers: { default: Footer };
}

/**
 * Header: the authority and the title. Footer: the protective marking and "Page X of Y", as Word
 * PAGE and NUMPAGES fields so the numbers stay right however the reader's Word lays the pages out.
 */
export function pageFrame(compiled: CompiledAssessment, protectiveMarking: string): PageFrame {
  const authority = compiled.frontSheet.localAuthority || "Local authority not recorded";
  const run = (text: string, bold = false) => new TextRun({ text, size: FRAME_TEXT_SIZE, color: FRAME_COLOUR, bold });
  return {
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [run(`${authority} · ${compiled.framework.title}`)],
          }),
        ],
      }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              run(protectiveMarking, true),
              run("   ·   Page "),
              new TextRun({ children: [PageNumber.CURRENT], size: FRAME_TEXT_SIZE, color: FRAME_COLOUR }),
              run(" of "),
              new TextRun({ children: [PageNumber.TOTAL_PAGES], size: FRAME_TEXT_SIZE, color: FRAME_COLOUR }),
            ],
          }),
        ],
      }),
    },
  };
}
