import { parse } from "csv-parse/sync";
import { ASSESSMENT_CSV_COLUMNS, ASSESSMENT_CSV_KEYS, type AssessmentCsvRow } from "./assessmentCsvRow";

/** Reads a file written by buildAssessmentCsv back into rows; throws naming the row and column that does not fit. */
export function parseAssessmentCsv(csv: string): AssessmentCsvRow[] {
  const records: string[][] = parse(csv, { bom: true, relax_column_count: false });
  const [header, ...rows] = records;
  const expected = ASSESSMENT_CSV_KEYS.map((key) => ASSESSMENT_CSV_COLUMNS[key].header);
  if (!header || header.join("\u0000") !== expected.join("\u0000")) {
    throw new Error(`unexpected CSV header: expected ${expected.join(", ")}`);
  }
  return rows.map((cells, index) => readRow(cells, index + 2));
}

function readRow(cells: readonly string[], line: number): AssessmentCsvRow {
  const entries = ASSESSMENT_CSV_KEYS.map((key, column) => {
    try {
      return [key, ASSESSMENT_CSV_COLUMNS[key].codec.read(cells[column] ?? "")] as const;
    } catch (error) {
      throw new Error(
        `row ${line}, column "${ASSESSMENT_CSV_COLUMNS[key].header}": ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  });
  // Each value came from its own column's codec, so the object has every field with its type.
  return Object.fromEntries(entries) as unknown as AssessmentCsvRow;
}
