import type { TableClient } from "@azure/data-tables";
import type { ActionItem } from "../../assessment/actionPlan/actionItem";
import { mappingCodec } from "../entityMapping";
import { EntityTable } from "../entityTable";
import { actionItemKeys, actionItemMapping, actionItemPartition } from "../mappings/actionItemMapping";
import type { WriteRecorder } from "../writeRecorder";

/**
 * Owner, due date and status of the action plan's actions.
 * Table ActionPlan: PartitionKey = encoded assessment id, RowKey = encoded statement id.
 */
export class ActionItemRepository {
  private readonly table: EntityTable<ActionItem>;

  constructor(client: TableClient, recorder?: WriteRecorder) {
    this.table = new EntityTable(client, mappingCodec(actionItemMapping), recorder);
  }

  async get(assessmentId: string, statementId: string): Promise<ActionItem | undefined> {
    return (await this.table.get(actionItemKeys(assessmentId, statementId)))?.value;
  }

  async list(assessmentId: string): Promise<ActionItem[]> {
    const rows = await this.table.list({ partitionKey: actionItemPartition(assessmentId) });
    return rows.map((row) => row.value);
  }

  /**
   * Version-checked read-modify-write (re-run after a conflict): `previous` is exactly what this
   * save replaced, for the audit's before → after. `change` returns undefined to write nothing.
   */
  async update(
    assessmentId: string,
    statementId: string,
    change: (current: ActionItem | undefined) => ActionItem | undefined,
  ): Promise<{ previous?: ActionItem; written: boolean }> {
    const outcome = await this.table.updateWith(actionItemKeys(assessmentId, statementId), change);
    return outcome.previous === undefined
      ? { written: outcome.written }
      : { previous: outcome.previous, written: outcome.written };
  }
}
