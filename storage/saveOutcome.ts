import type { UpdateOutcome } from "./entityTable";

/** How a save went: "unchanged" means an identical resubmission, and nothing was written. */
export interface SaveOutcome<T> {
  outcome: "created" | "updated" | "unchanged";
  previous?: T;
}

export function saveOutcomeOf<T>(update: UpdateOutcome<T>): SaveOutcome<T> {
  if (update.previous === undefined) return { outcome: "created" };
  return { outcome: update.written ? "updated" : "unchanged", previous: update.previous };
}

/** A mutation for updateWith that writes `next` unless what is stored already equals it. */
export function replaceUnlessSame<T>(
  next: T,
  same: (stored: T, next: T) => boolean,
): (current: T | undefined) => T | undefined {
  return (current) => (current !== undefined && same(current, next) ? undefined : next);
}
