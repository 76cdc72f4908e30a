/** How a save went: "unchanged" means an identical resubmission, and nothing was written. */
export interface SaveOutcome<T> {
  outcome: "created" | "updated" | "unchanged";
  previous?: T;
}
