import { compareInstants, compareText } from "./stableOrder";

/** How to tell records of one kind apart and which of two is newer. */
export interface LatestPolicy<T> {
  /** Records sharing a key are versions of one thing (e.g. one member's answer to one statement). */
  readonly keyOf: (record: T) => string;
  /** ISO-8601 instant of the record's last change. */
  readonly instantOf: (record: T) => string;
  /** Breaks ties between equally recent versions, so the pick never depends on input order. */
  readonly tieKeyOf: (record: T) => string;
}

/**
 * One record per key: the most recent. Stored records are replaced on change, so several versions
 * only appear after retries or races; whichever order they arrive in, the same one wins.
 */
export function pickLatest<T>(records: readonly T[], policy: LatestPolicy<T>): Map<string, T> {
  const latest = new Map<string, T>();
  for (const record of records) {
    const key = policy.keyOf(record);
    const current = latest.get(key);
    if (current === undefined || isNewer(record, current, policy)) latest.set(key, record);
  }
  return latest;
}

function isNewer<T>(candidate: T, current: T, policy: LatestPolicy<T>): boolean {
  const byTime = compareInstants(policy.instantOf(candidate), policy.instantOf(current));
  if (byTime !== 0) return byTime > 0;
  return compareText(policy.tieKeyOf(candidate), policy.tieKeyOf(current)) > 0;
}
