import type { Person } from "../answers/person";
import type { AttributionMode } from "./compiledAssessment";
import { compareInstants, compareText } from "./stableOrder";

/** The people who took part in one area, in a stable order, with how each is attributed. */
export interface MemberDirectory {
  /** The label shown beside their comments: their name, or "Member n". */
  label(aadObjectId: string): string;
  /** Position in the area's member order (by AAD object id); unknown people sort last. */
  rank(aadObjectId: string): number;
  readonly size: number;
}

/** A person as seen on one record, with when that record last changed (to pick their latest name). */
export interface SeenPerson {
  readonly person: Person;
  readonly at: string;
}

/**
 * Numbers members by AAD object id, not by who answered first, so "Member 3" is the same person
 * however the records are ordered. A blank name (never given, or erased) falls back to the number.
 */
export function buildMemberDirectory(seen: readonly SeenPerson[], mode: AttributionMode): MemberDirectory {
  const names = latestNames(seen);
  const ids = [...names.keys()].sort(compareText);
  const ranks = new Map(ids.map((id, index) => [id, index]));
  const labels = new Map(
    ids.map((id, index) => {
      const numbered = `Member ${index + 1}`;
      const name = names.get(id)?.trim() ?? "";
      return [id, mode === "names" && name !== "" ? name : numbered];
    }),
  );
  return {
    label: (id) => labels.get(id) ?? "Member",
    rank: (id) => ranks.get(id) ?? ids.length,
    size: ids.length,
  };
}

/** Someone renamed mid-assessment shows under the name on their newest record (ties: the greater name). */
function latestNames(seen: readonly SeenPerson[]): Map<string, string> {
  const newest = new Map<string, SeenPerson>();
  for (const entry of seen) {
    const current = newest.get(entry.person.aadObjectId);
    if (current === undefined || isLater(entry, current)) newest.set(entry.person.aadObjectId, entry);
  }
  return new Map([...newest].map(([id, entry]) => [id, entry.person.name]));
}

function isLater(a: SeenPerson, b: SeenPerson): boolean {
  const byTime = compareInstants(a.at, b.at);
  if (byTime !== 0) return byTime > 0;
  return compareText(a.person.name, b.person.name) > 0;
}
