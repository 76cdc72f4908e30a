import { randomBytes } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import type { WriteRecorder } from "../writeRecorder";
import type { AuditEntry } from "../../assessment/audit/auditEntry";
import { mappingCodec } from "../entityMapping";
import { EntityTable } from "../entityTable";
import { auditMapping, auditPartition, type StoredAuditEntry } from "../mappings/auditMapping";
import { retryOnConflict } from "../retryOnConflict";
import { ConcurrencyConflictError } from "../storageErrors";

/**
 * The audit trail: entries are appended, never edited in the normal course of work. The two
 * exceptions are data protection's: `forget` rewrites entries to remove a person's id, and
 * retention deletes an assessment's entries (keeping the content-free record of the deletion).
 * Table Audit: PartitionKey = encoded assessment id, RowKey = ISO instant + "-" + random entry id,
 * so a partition lists in time order and two entries in the same millisecond never collide.
 */
export class AuditRepository {
  private readonly table: EntityTable<StoredAuditEntry>;

  constructor(client: TableClient, recorder?: WriteRecorder) {
    this.table = new EntityTable(client, mappingCodec(auditMapping), recorder);
  }

  /** A collision of the random id is retried with a fresh one rather than overwriting an entry. */
  async append(entry: AuditEntry): Promise<void> {
    await retryOnConflict(() => this.table.create({ ...entry, entryId: randomBytes(8).toString("hex") }));
  }

  /**
   * Idempotent append: the caller derives `entryId` from what the entry records (with `at`, it is
   * the row key), so a retried request or a repeated submission finds the entry there and adds none.
   */
  async appendOnce(entry: AuditEntry, entryId: string): Promise<void> {
    try {
      await this.table.create({ ...entry, entryId });
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
    }
  }

  /** Oldest first. */
  async list(assessmentId: string): Promise<AuditEntry[]> {
    const rows = await this.table.list({ partitionKey: auditPartition(assessmentId) });
    return rows.map(({ value: { entryId: _entryId, ...entry } }) => entry);
  }

  /** Rewrites entries in place (forget); `rewrite` returns the new entry or undefined to leave it. Counts the changed ones. */
  async rewrite(assessmentId: string, rewrite: (entry: AuditEntry) => AuditEntry | undefined): Promise<number> {
    const rows = await this.table.list({ partitionKey: auditPartition(assessmentId) });
    // Only entries the rewrite changes are read again (eTag-checked) and written; the rest stay untouched.
    const affected = rows.filter(({ value: { entryId: _entryId, ...entry } }) => rewrite(entry) !== undefined);
    const outcomes = await Promise.all(
      affected.map(({ value }) =>
        this.table.updateWith(auditMapping.keysOf(value), (current) => {
          if (current === undefined) return undefined;
          const { entryId, ...entry } = current;
          const next = rewrite(entry);
          return next === undefined ? undefined : { ...next, at: entry.at, entryId };
        }),
      ),
    );
    return outcomes.filter((outcome) => outcome.written).length;
  }

  /** Deletes the entries `shouldDelete` picks (retention); counts what went. */
  async deleteWhere(assessmentId: string, shouldDelete: (entry: AuditEntry) => boolean): Promise<number> {
    const rows = await this.table.list({ partitionKey: auditPartition(assessmentId) });
    const deleted = await Promise.all(
      rows.filter(({ value: { entryId: _entryId, ...entry } }) => shouldDelete(entry)).map(({ value }) => this.table.delete(auditMapping.keysOf(value))),
    );
    return deleted.filter(Boolean).length;
  }
}
