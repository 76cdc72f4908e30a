import { randomBytes } from "node:crypto";
import type { AuditEntry } from "../assessment/audit/auditEntry";
import type { EntityKeys } from "./entityMapping";
import { UPDATE_ATTEMPTS, type EntityTable } from "./entityTable";
import type { StoredAuditEntry } from "./mappings/auditMapping";
import { retryOnConflict } from "./retryOnConflict";

/** The audit entry of a save, given the value it replaces. */
export type AuditOf<T> = (previous: T | undefined) => AuditEntry;

/** `written` false: `decide` asked to write nothing (`previous` is what is stored). */
export interface AuditedSave<T> {
  written: boolean;
  previous: T | undefined;
}

/**
 * Read, decide, then one transaction of the value (conditional on the version read) and its audit
 * entry, whose rows share the value's partition: no crash or outage keeps a change without its entry,
 * or an entry without its change. After a conflict it re-reads and decides again, so `decide` must be pure.
 */
export function saveWithAudit<T>(
  tables: { values: EntityTable<T>; entries: EntityTable<StoredAuditEntry> },
  keys: EntityKeys,
  audit: AuditOf<T>,
  decide: (current: T | undefined) => T | undefined,
): Promise<AuditedSave<T>> {
  return retryOnConflict(
    async () => {
      const current = await tables.values.get(keys);
      const next = decide(current?.value);
      if (next === undefined) return { written: false, previous: current?.value };
      const entry = { ...audit(current?.value), entryId: randomBytes(8).toString("hex") };
      await tables.values.transact([tables.values.writeOf(next, current?.version), tables.entries.writeOf(entry)]);
      return { written: true, previous: current?.value };
    },
    { attempts: UPDATE_ATTEMPTS },
  );
}
