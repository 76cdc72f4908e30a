import { stringify } from "csv-stringify/sync";
import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import {
  ASSESSMENT_CSV_COLUMNS,
  ASSESSMENT_CSV_KEYS,
  assessmentCsvRows,
  type AssessmentCsvRow,
} from "./assessmentCsvRow";

/**
 * A byte-order mark first: without it Excel reads UTF-8 as the local code page and garbles
 * "–", "’" and "£". Readers that follow RFC 4180 strictly skip it (csv-parse with bom: true).
 */
export const UTF8_BOM = "\uFEFF";

/** One row per statement, RFC 4180 (CRLF line ends, quotes doubled), with a header row. */
export function buildAssessmentCsv(compiled: CompiledAssessment): string {
  const header = ASSESSMENT_CSV_KEYS.map((key) => ASSESSMENT_CSV_COLUMNS[key].header);
  const rows = assessmentCsvRows(compiled).map((row) => ASSESSMENT_CSV_KEYS.map((key) => writeCell(row, key)));
  return UTF8_BOM + stringify([header, ...rows], { record_delimiter: "windows" });
}

// K ties the column to its value's type (TypeScript correlates them only through a type parameter).
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- see above.
function writeCell<K extends keyof AssessmentCsvRow>(row: AssessmentCsvRow, key: K): string {
  return ASSESSMENT_CSV_COLUMNS[key].codec.write(row[key]);
}
