import type { TableClient } from "@azure/data-tables";
import type { WriteRecorder } from "../writeRecorder";
import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import { mappingCodec } from "../entityMapping";
import { EntityTable, type UpdateOutcome } from "../entityTable";
import { ASSESSMENT_PARTITION, assessmentKeys, assessmentMapping } from "../mappings/assessmentMapping";
import type { Versioned } from "../versioned";

/**
 * How long getOrCreate reuses what it read. Every card action needs its tenant's assessment (the time
 * zone its cards show), and reading it each time was a quarter of a saved answer's storage work.
 * Writes through this repository drop the copy at once; another instance's change shows here within this time.
 */
const REUSE_READ_MS = 10_000;

/**
 * Assessment details (front sheet, framework, deadline).
 * Table Assessments: PartitionKey "assessment", RowKey = encoded assessment id.
 */
export class AssessmentRepository {
  private readonly table: EntityTable<AssessmentDetails>;
  private readonly recent = new Map<string, { readAt: number; details: Promise<Versioned<AssessmentDetails>> }>();

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
    return this.writing(details.id, () => this.table.create(details));
  }

  /** ConcurrencyConflictError when it changed since `version` was read. */
  replace(details: AssessmentDetails, version: string): Promise<Versioned<AssessmentDetails>> {
    return this.writing(details.id, () => this.table.replace(details, version));
  }

  /**
   * Safe when several turns start the same assessment at once: exactly one `init()` result is kept.
   * What it read is reused for REUSE_READ_MS (one read shared by the turns that arrive meanwhile).
   */
  getOrCreate(assessmentId: string, init: () => AssessmentDetails): Promise<Versioned<AssessmentDetails>> {
    const recent = this.recent.get(assessmentId);
    if (recent && performance.now() - recent.readAt < REUSE_READ_MS) return recent.details;
    const details = this.table
      .updateWith(assessmentKeys(assessmentId), (current) => (current === undefined ? init() : undefined))
      .then((outcome) => {
        if (outcome.current === undefined) throw new Error(`Assessment ${assessmentId} was neither found nor created`);
        return outcome.current;
      });
    const entry = { readAt: performance.now(), details };
    this.recent.set(assessmentId, entry);
    // A failed read is not reused: the next turn tries again.
    details.catch(() => {
      if (this.recent.get(assessmentId) === entry) this.recent.delete(assessmentId);
    });
    return details;
  }

  /** Read-modify-write, re-run after a conflict; `mutate` must be pure and return undefined to write nothing. */
  updateWith(
    assessmentId: string,
    mutate: (current: AssessmentDetails | undefined) => AssessmentDetails | undefined,
  ): Promise<UpdateOutcome<AssessmentDetails>> {
    return this.writing(assessmentId, () => this.table.updateWith(assessmentKeys(assessmentId), mutate));
  }

  /** A write drops the reused read before and after, so no turn of this instance sees the old details after it. */
  private async writing<R>(assessmentId: string, write: () => Promise<R>): Promise<R> {
    this.recent.delete(assessmentId);
    try {
      return await write();
    } finally {
      this.recent.delete(assessmentId);
    }
  }
}
