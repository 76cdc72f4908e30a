import { stringify } from "csv-stringify/sync";
import type { CsvColumns } from "./csvCodecs";

/** RFC 4180 (CRLF line ends, quotes doubled): the columns' header row, then each row's cells through their codecs. */
export function csvTable<Row extends object>(columns: CsvColumns<Row>, rows: readonly Row[]): string {
  const keys = Object.keys(columns) as (keyof Row)[];
  const header = keys.map((key) => columns[key].header);
  const body = rows.map((row) => keys.map((key) => writeCell(columns, row, key)));
  return stringify([header, ...body], { record_delimiter: "windows" });
}

// K ties the column to its value's type (TypeScript correlates them only through a type parameter).
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- see above.
function writeCell<Row, K extends keyof Row>(columns: CsvColumns<Row>, row: Row, key: K): string {
  return columns[key].codec.write(row[key]);
}
