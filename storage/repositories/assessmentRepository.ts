import type { TableClient } from "@azure/data-tables";
import type { WriteRecorder } from "../writeRecorder";
import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import { mappingCodec } from "../entityMapping";
import { EntityTable, type UpdateOutcome } from "../entityTable";
import { ASSESSMENT_PARTITION, assessmentKeys, assessmentMapping } from "../mappings/assessmentMapping";
import type { Versioned } from "../versioned";

/**
 * Assessment details (front sheet, framework, deadline).
 * Table Assessments: PartitionKey "assessment", RowKey = encoded assessment id.
 */
export class AssessmentRepository {
  private readonly table: EntityTable<AssessmentDetails>;

  constructor(client: TableClient, recorder?: WriteRecorder) {
    this.table = new EntityTable(client, mappingCodec(assessmentMapping), recorder);
  }

  get(assessmentId: string): Promise<Versioned<AssessmentDetails> | undefined> {
    return this.table.get(assessmentKeys(assessmentId));
  }

  /** Every assessment (one small partition: a handful per tenant), e.g. for the digest schedule. */
  async list(): Promise<AssessmentDetails[]> {
    const rows = await this.table.list({ partitionKey: ASSESSMENT_PARTITION });
    return rows.map((row) => row.value);
  }

  /** ConcurrencyConflictError when it exists already. */
  create(details: AssessmentDetails): Promise<Versioned<AssessmentDetails>> {
    return this.table.create(details);
  }

  /** ConcurrencyConflictError when it changed since `version` was read. */
  replace(details: AssessmentDetails, version: string): Promise<Versioned<AssessmentDetails>> {
    return this.table.replace(details, version);
  }

  /** Safe when several turns start the same assessment at once: exactly one `init()` result is kept. */
  async getOrCreate(assessmentId: string, init: () => AssessmentDetails): Promise<Versioned<AssessmentDetails>> {
    const outcome = await this.table.updateWith(assessmentKeys(assessmentId), (current) =>
      current === undefined ? init() : undefined,
    );
    if (outcome.current === undefined) throw new Error(`Assessment ${assessmentId} was neither found nor created`);
    return outcome.current;
  }

  /** Read-modify-write, re-run after a conflict; `mutate` must be pure and return undefined to write nothing. */
  updateWith(
    assessmentId: string,
    mutate: (current: AssessmentDetails | undefined) => AssessmentDetails | undefined,
  ): Promise<UpdateOutcome<AssessmentDetails>> {
    return this.table.updateWith(assessmentKeys(assessmentId), mutate);
  }
}
