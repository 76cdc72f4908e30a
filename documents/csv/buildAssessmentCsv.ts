import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { ASSESSMENT_CSV_COLUMNS, assessmentCsvRows } from "./assessmentCsvRow";
import { csvTable } from "./csvTable";

/**
 * A byte-order mark first: without it Excel reads UTF-8 as the local code page and garbles
 * "–", "’" and "£". Readers that follow RFC 4180 strictly skip it (csv-parse with bom: true).
 */
export const UTF8_BOM = "\uFEFF";

/** One row per statement, RFC 4180 (CRLF line ends, quotes doubled), with a header row. */
export function buildAssessmentCsv(compiled: CompiledAssessment): string {
  return UTF8_BOM + csvTable(ASSESSMENT_CSV_COLUMNS, assessmentCsvRows(compiled));
}
