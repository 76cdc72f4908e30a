import type { TableClient } from "@azure/data-tables";
import type { ActionItem } from "../../assessment/actionPlan/actionItem";
import { mappingCodec } from "../entityMapping";
import { EntityTable } from "../entityTable";
import {
  actionItemAuditMapping,
  actionItemKeys,
  actionItemMapping,
  actionItemPartition,
  actionItemRows,
} from "../mappings/actionItemMapping";
import type { StoredAuditEntry } from "../mappings/auditMapping";
import { saveWithAudit, type AuditedSave, type AuditOf } from "../saveWithAudit";
import type { WriteRecorder } from "../writeRecorder";

/**
 * Owner, due date and status of the action plan's actions, with the audit entries of their changes
 * in the same partition (see actionItemMapping), listed by AuditRepository with the others.
 * Table ActionPlan: PartitionKey = encoded assessment id, RowKey = encoded statement id.
 */
export class ActionItemRepository {
  private readonly table: EntityTable<ActionItem>;
  private readonly auditEntries: EntityTable<StoredAuditEntry>;

  constructor(client: TableClient, recorder?: WriteRecorder) {
    this.table = new EntityTable(client, mappingCodec(actionItemMapping), recorder);
    this.auditEntries = new EntityTable(client, mappingCodec(actionItemAuditMapping), recorder);
  }

  async get(assessmentId: string, statementId: string): Promise<ActionItem | undefined> {
    return (await this.table.get(actionItemKeys(assessmentId, statementId)))?.value;
  }

  async list(assessmentId: string): Promise<ActionItem[]> {
    const rows = await this.table.list({
      partitionKey: actionItemPartition(assessmentId),
      rowKeyRange: actionItemRows(),
    });
    return rows.map((row) => row.value);
  }

  /**
   * A change someone made, with its audit entry in one transaction, conditional on the version read
   * (re-read and re-decided after a conflict): `previous` is exactly what this save replaced.
   * `change` returns undefined to write nothing (and audit nothing).
   */
  save(
    assessmentId: string,
    statementId: string,
    change: (current: ActionItem | undefined) => ActionItem | undefined,
    audit: AuditOf<ActionItem>,
  ): Promise<AuditedSave<ActionItem>> {
    return saveWithAudit(
      { values: this.table, entries: this.auditEntries },
      actionItemKeys(assessmentId, statementId),
      audit,
      change,
    );
  }

  /**
   * Rewrites a stored action in place without an entry of its own (forget un-names its owner and
   * audits the erasure once): version-checked and re-run after a conflict. True when it wrote.
   */
  async rewrite(
    assessmentId: string,
    statementId: string,
    change: (current: ActionItem | undefined) => ActionItem | undefined,
  ): Promise<boolean> {
    return (await this.table.updateWith(actionItemKeys(assessmentId, statementId), change)).written;
  }
}
