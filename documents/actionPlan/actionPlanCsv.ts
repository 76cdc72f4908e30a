import type { RatingValue } from "../../assessment/framework/frameworkSchema";
import { UTF8_BOM } from "../csv/buildAssessmentCsv";
import { countCodec, listCodec, ratingCodec, textCodec, type CsvCodec, type CsvColumns } from "../csv/csvCodecs";
import { csvTable } from "../csv/csvTable";
import { ASSESSMENT_CSV_COLUMNS } from "../csv/assessmentCsvRow";
import { ACTION_STATUSES, type ActionStatus } from "../../assessment/actionPlan/actionItem";
import type { ActionPlanRow } from "./actionPlanRows";

const agreedRatingCodec: CsvCodec<RatingValue> = {
  write: (value) => ratingCodec.write(value),
  read: (cell) => {
    const rating = ratingCodec.read(cell);
    if (rating === null) throw new Error("an action needs its agreed rating");
    return rating;
  },
};

const statusCodec: CsvCodec<ActionStatus> = {
  write: (value) => value,
  read: (cell) => {
    const status = ACTION_STATUSES.find((candidate) => candidate === cell);
    if (!status) throw new Error(`expected one of ${ACTION_STATUSES.join(", ")}, got "${cell}"`);
    return status;
  },
};

const dateCodec: CsvCodec<string> = {
  write: (value) => value,
  read: (cell) => {
    if (cell !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(cell))
      throw new Error(`expected a date yyyy-mm-dd or blank, got "${cell}"`);
    return cell;
  },
};

/**
 * In file order. "Title" first: Microsoft Lists' "From CSV" makes a column the item's Title, and
 * plain headers without punctuation become its column names unchanged (see README).
 */
export const ACTION_PLAN_COLUMNS: CsvColumns<ActionPlanRow> = {
  title: { header: "Title", codec: textCodec },
  rank: { header: "Rank", codec: countCodec },
  // The columns both CSV files have, headed alike so a spreadsheet can match them up.
  areaNumber: ASSESSMENT_CSV_COLUMNS.areaNumber,
  statementId: ASSESSMENT_CSV_COLUMNS.statementId,
  statementText: ASSESSMENT_CSV_COLUMNS.statementText,
  agreedRating: { header: ASSESSMENT_CSV_COLUMNS.agreedRating.header, codec: agreedRatingCodec },
  ratingLabel: ASSESSMENT_CSV_COLUMNS.ratingLabel,
  ideas: { header: "Ideas", codec: listCodec },
  owner: { header: "Owner", codec: textCodec },
  dueDate: { header: "Due date", codec: dateCodec },
  status: { header: "Status", codec: statusCodec },
};

/** RFC 4180 with a BOM (Excel and Lists read UTF-8 then), one row per action in rank order. */
export function buildActionPlanCsv(rows: readonly ActionPlanRow[]): string {
  return UTF8_BOM + csvTable(ACTION_PLAN_COLUMNS, rows);
}
