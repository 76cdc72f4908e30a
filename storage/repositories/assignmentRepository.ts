import type { TableClient } from "@azure/data-tables";
import type { WriteRecorder } from "../writeRecorder";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import { mappingCodec } from "../entityMapping";
import { EntityTable, type UpdateOutcome } from "../entityTable";
import {
  ASSIGNMENT_CHANNEL_COLUMN,
  assignmentKeys,
  assignmentMapping,
  assignmentPartition,
} from "../mappings/assignmentMapping";
import type { Versioned } from "../versioned";
import { SharedReads } from "../sharedReads";

/**
 * Which working group (channel) has which area, with its leads and status.
 * Table Assignments: PartitionKey = encoded assessment id, RowKey = zero-padded area number ("07"),
 * so list() returns areas in number order; `channel` and `leads` are JSON, plus a flat channelId column.
 */
export class AssignmentRepository {
  private readonly table: EntityTable<AreaAssignment>;
  /** Every card action reads its area's assignment (identity, role, open or closed): see SharedReads. */
  private readonly reads = new SharedReads<Versioned<AreaAssignment> | undefined>();

  constructor(client: TableClient, recorder?: WriteRecorder) {
    this.table = new EntityTable(client, mappingCodec(assignmentMapping), recorder);
  }

  /** The returned value may be shared with concurrent callers: treat it as read-only, as every domain value. */
  get(assessmentId: string, areaNumber: number): Promise<Versioned<AreaAssignment> | undefined> {
    const keys = assignmentKeys(assessmentId, areaNumber);
    return this.reads.read(keys.rowKey + "|" + keys.partitionKey, () => this.table.get(keys));
  }

  /** In area number order. */
  async list(assessmentId: string): Promise<AreaAssignment[]> {
    const rows = await this.table.list({ partitionKey: assignmentPartition(assessmentId) });
    return rows.map((row) => row.value);
  }

  /** The areas one channel works on; a query inside the assessment's partition. */
  async listForChannel(assessmentId: string, channelId: string): Promise<AreaAssignment[]> {
    const rows = await this.table.list({
      partitionKey: assignmentPartition(assessmentId),
      where: { column: ASSIGNMENT_CHANNEL_COLUMN, equals: channelId },
    });
    return rows.map((row) => row.value);
  }

  /** ConcurrencyConflictError when the area is assigned already. */
  create(assignment: AreaAssignment): Promise<Versioned<AreaAssignment>> {
    return this.table.create(assignment);
  }

  /** ConcurrencyConflictError when it changed since `version` was read. */
  replace(assignment: AreaAssignment, version: string): Promise<Versioned<AreaAssignment>> {
    return this.table.replace(assignment, version);
  }

  /** Read-modify-write, re-run after a conflict; `mutate` must be pure and return undefined to write nothing. */
  updateWith(
    assessmentId: string,
    areaNumber: number,
    mutate: (current: AreaAssignment | undefined) => AreaAssignment | undefined,
  ): Promise<UpdateOutcome<AreaAssignment>> {
    return this.table.updateWith(assignmentKeys(assessmentId, areaNumber), mutate);
  }
}
