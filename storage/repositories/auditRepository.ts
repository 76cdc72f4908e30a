import { randomBytes } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import type { AuditEntry } from "../../assessment/audit/auditEntry";
import { mappingCodec } from "../entityMapping";
import { EntityTable } from "../entityTable";
import { auditMapping, auditPartition, type StoredAuditEntry } from "../mappings/auditMapping";
import { retryOnConflict } from "../retryOnConflict";

/**
 * The append-only audit trail: entries are created, never updated or deleted.
 * Table Audit: PartitionKey = encoded assessment id, RowKey = ISO instant + "-" + random entry id,
 * so a partition lists in time order and two entries in the same millisecond never collide.
 */
export class AuditRepository {
  private readonly table: EntityTable<StoredAuditEntry>;

  constructor(client: TableClient) {
    this.table = new EntityTable(client, mappingCodec(auditMapping));
  }

  /** A collision of the random id is retried with a fresh one rather than overwriting an entry. */
  async append(entry: AuditEntry): Promise<void> {
    await retryOnConflict(() => this.table.create({ ...entry, entryId: randomBytes(8).toString("hex") }));
  }

  /** Oldest first. */
  async list(assessmentId: string): Promise<AuditEntry[]> {
    const rows = await this.table.list({ partitionKey: auditPartition(assessmentId) });
    return rows.map(({ value: { entryId: _entryId, ...entry } }) => entry);
  }
}
