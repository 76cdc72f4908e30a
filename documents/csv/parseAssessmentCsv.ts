import { parse } from "csv-parse/sync";
import { ASSESSMENT_CSV_COLUMNS, ASSESSMENT_CSV_KEYS, type AssessmentCsvRow } from "./assessmentCsvRow";

/** Rows that read, and one message per row (or header) that does not, naming the line and column. */
export interface AssessmentCsvReading {
  rows: { line: number; row: AssessmentCsvRow }[];
  problems: string[];
}

/**
 * Reads a file written by buildAssessmentCsv (or typed into its columns) back into rows, going on past a
 * bad row so `npm run import-cycle` can list every problem at once. The bot's one CSV reader: tests
 * read their files through test/support/parseCsvColumns.
 */
export function readAssessmentCsv(csv: string): AssessmentCsvReading {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, relax_column_count: true });
  } catch (error) {
    return {
      rows: [],
      problems: [`not a readable CSV file: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const [header, ...rows] = records;
  const expected = ASSESSMENT_CSV_KEYS.map((key) => ASSESSMENT_CSV_COLUMNS[key].header);
  if (!header || header.join("\u0000") !== expected.join("\u0000")) {
    return { rows: [], problems: [`unexpected CSV header: expected ${expected.join(", ")}`] };
  }
  const reading: AssessmentCsvReading = { rows: [], problems: [] };
  rows.forEach((cells, index) => {
    const line = index + 2;
    try {
      if (cells.length !== expected.length)
        throw new Error(`row ${line}: ${cells.length} columns, expected ${expected.length}`);
      reading.rows.push({ line, row: readRow(cells, line) });
    } catch (error) {
      reading.problems.push(error instanceof Error ? error.message : String(error));
    }
  });
  return reading;
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
