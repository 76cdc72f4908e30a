import type { RatingSource } from "../../assessment/compile/compiledAssessment";
import type { RatingValue } from "../../assessment/framework/frameworkSchema";
import { changeArrow, type Change } from "../../assessment/cycles/change";

/** How one field is written to a CSV cell and read back; reading rejects what writing never produces. */
export interface CsvCodec<T> {
  write(value: T): string;
  read(cell: string): T;
}

/** A CSV file's columns in file order: each field of a row with its header and its cell's codec. */
export type CsvColumns<Row> = { [K in keyof Row]: { header: string; codec: CsvCodec<Row[K]> } };

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab / carriage return) as a formula, and
 * members' free text reaches this file, so such cells get a leading apostrophe (OWASP's advice),
 * which Excel hides and reading strips. Text that already starts with apostrophes before such a
 * character gets one more, so reading gives back exactly what was written.
 */
const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export const textCodec: CsvCodec<string> = {
  write: (value) => (NEEDS_GUARD.test(value) ? `'${value}` : value),
  read: (cell) => (GUARDED.test(cell) ? cell.slice(1) : cell),
};

/** Line breaks (and the spaces around them) as one space: list entries must each fit on one line. */
export function singleLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

/** One entry per line, so the list splits back exactly. */
export const listCodec: CsvCodec<string[]> = {
  write: (values) => textCodec.write(values.map(singleLine).join("\n")),
  read: (cell) => {
    const text = textCodec.read(cell);
    return text === "" ? [] : text.split("\n");
  },
};

export const countCodec: CsvCodec<number> = {
  write: (value) => String(value),
  read: (cell) => {
    if (!/^\d+$/.test(cell)) throw new Error(`expected a whole number, got "${cell}"`);
    return Number(cell);
  },
};

export const yesNoCodec: CsvCodec<boolean> = {
  write: (value) => (value ? "yes" : "no"),
  read: (cell) => {
    if (cell !== "yes" && cell !== "no") throw new Error(`expected yes or no, got "${cell}"`);
    return cell === "yes";
  },
};

/** Blank for no rating yet. */
export const ratingCodec: CsvCodec<RatingValue | null> = {
  write: (value) => (value === null ? "" : String(value)),
  read: (cell) => {
    if (cell === "") return null;
    if (cell === "1" || cell === "2" || cell === "3" || cell === "4") return Number(cell) as RatingValue;
    throw new Error(`expected a rating 1-4 or blank, got "${cell}"`);
  },
};

const SOURCES: readonly RatingSource[] = ["moderated", "consensus", "provisional", "unanswered"];

export const sourceCodec: CsvCodec<RatingSource> = {
  write: (value) => value,
  read: (cell) => {
    const source = SOURCES.find((candidate) => candidate === cell);
    if (!source) throw new Error(`expected one of ${SOURCES.join(", ")}, got "${cell}"`);
    return source;
  },
};

/** A global score (whole, or a half point when a median) or blank for none. */
export const scoreCodec: CsvCodec<number | null> = {
  write: (value) => (value === null ? "" : String(value)),
  read: (cell) => {
    if (cell === "") return null;
    if (!/^\d{1,3}(\.5)?$/.test(cell)) throw new Error(`expected a score such as 7 or 6.5, or blank, got "${cell}"`);
    return Number(cell);
  },
};

const CHANGES: readonly Change[] = ["up", "down", "same", "none"];

/** ↑ ↓ = as the document prints them; blank when there is nothing to compare. */
export const changeCodec: CsvCodec<Change> = {
  write: (value) => changeArrow(value),
  read: (cell) => {
    const change = CHANGES.find((candidate) => changeArrow(candidate) === cell);
    if (!change) throw new Error(`expected ↑, ↓, = or blank, got "${cell}"`);
    return change;
  },
};
