/** Which way a rating or score moved since the previous cycle; "none" when either side is missing. */
export type Change = "up" | "down" | "same" | "none";

export function changeBetween(previous: number | null | undefined, current: number | null | undefined): Change {
  if (previous === null || previous === undefined || current === null || current === undefined) return "none";
  if (current > previous) return "up";
  return current < previous ? "down" : "same";
}

const ARROWS: Record<Change, string> = { up: "↑", down: "↓", same: "=", none: "" };

/** "↑", "↓", "=" — or empty when there is nothing to compare, so a blank cell never reads as "no change". */
export function changeArrow(change: Change): string {
  return ARROWS[change];
}

/** "↑ from 5" / "= 7" / "↓ from 3": the arrow with the earlier value, for tables and cards. */
export function describeChange(previous: number | null | undefined, current: number | null | undefined): string {
  const change = changeBetween(previous, current);
  if (change === "none") return previous === null || previous === undefined ? "–" : `was ${previous}`;
  return change === "same" ? `= ${previous}` : `${changeArrow(change)} from ${previous}`;
}
