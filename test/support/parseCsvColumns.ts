import { parse } from "csv-parse/sync";
import { ACTION_PLAN_COLUMNS } from "../../documents/actionPlan/actionPlanCsv";
import type { ActionPlanRow } from "../../documents/actionPlan/actionPlanRows";
import { ASSESSMENT_CSV_COLUMNS, type AssessmentCsvRow } from "../../documents/csv/assessmentCsvRow";
import type { CsvColumns } from "../../documents/csv/csvCodecs";

// Reads back the CSV files the bot writes, through each column's own codec, so a test sees the values a
// spreadsheet user would. The bot itself never reads them, hence this lives beside the tests.

/** The compiled assessment CSV (buildAssessmentCsv) as rows; throws naming the row and column that does not fit. */
export function parseAssessmentCsv(csv: string): AssessmentCsvRow[] {
  return parseCsvColumns(csv, ASSESSMENT_CSV_COLUMNS);
}

/** The action plan CSV (buildActionPlanCsv, or edited in Excel and saved as CSV UTF-8) as rows. */
export function parseActionPlanCsv(csv: string): ActionPlanRow[] {
  return parseCsvColumns(csv, ACTION_PLAN_COLUMNS);
}

function parseCsvColumns<Row>(csv: string, columns: CsvColumns<Row>): Row[] {
  // Columns are declared in file order.
  const keys = Object.keys(columns) as (keyof Row)[];
  const [header, ...records]: string[][] = parse(csv, { bom: true });
  const expected = keys.map((key) => columns[key].header);
  if (!header || header.join("\u0000") !== expected.join("\u0000")) {
    throw new Error(`unexpected CSV header: expected ${expected.join(", ")}`);
  }
  return records.map((cells, index) => {
    const entries = keys.map((key, column) => {
      try {
        return [key, columns[key].codec.read(cells[column] ?? "")] as const;
      } catch (error) {
        throw new Error(
          `row ${index + 2}, column "${columns[key].header}": ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
    });
    // Each value came from its own column's codec, so the object has every field with its type.
    return Object.fromEntries(entries) as Row;
  });
}
