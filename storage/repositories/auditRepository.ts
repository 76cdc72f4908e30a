import { randomBytes } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import type { WriteRecorder } from "../writeRecorder";
import type { AuditEntry } from "../../assessment/audit/auditEntry";
import { mappingCodec } from "../entityMapping";
import { EntityTable } from "../entityTable";
import { answerAuditMapping, answerAuditRows, type StoredAnswerAudit } from "../mappings/answerAuditMapping";
import { auditMapping, auditPartition, sortableInstant, type StoredAuditEntry } from "../mappings/auditMapping";
import { decisionAuditMapping, decisionAuditRows, moderationPartition } from "../mappings/moderationMappings";
import { actionItemAuditMapping, actionItemAuditRows, actionItemPartition } from "../mappings/actionItemMapping";
import { retryOnConflict } from "../retryOnConflict";
import { ConcurrencyConflictError } from "../storageErrors";
import { keyPrefixRange } from "../tableKeys";
import type { Versioned } from "../versioned";

/**
 * The audit trail: entries are appended, never edited in the normal course of work. The two
 * exceptions are data protection's: `forget` rewrites entries to remove a person's id, and
 * retention deletes an assessment's entries (keeping the content-free record of the deletion).
 * Table Audit: PartitionKey = encoded assessment id, RowKey = ISO instant + "-" + random entry id,
 * so a partition lists in time order and two entries in the same millisecond never collide.
 * Answers' entries live beside the answers (answerAuditMapping, written by ResponseRepository in
 * the answer's transaction), moderation decisions' entries beside the decisions
 * (decisionAuditMapping, written by ModerationRepository likewise) and the action plan's beside its
 * actions (actionItemAuditMapping, ActionItemRepository); every method here covers all four.
 */
export class AuditRepository {
  private readonly table: EntityTable<StoredAuditEntry>;
  private readonly answerEntries: EntityTable<StoredAnswerAudit>;
  private readonly decisionEntries: EntityTable<StoredAuditEntry>;
  private readonly actionEntries: EntityTable<StoredAuditEntry>;

  constructor(
    clients: { audit: TableClient; responses: TableClient; moderation: TableClient; actionPlan: TableClient },
    recorder?: WriteRecorder,
  ) {
    this.table = new EntityTable(clients.audit, mappingCodec(auditMapping), recorder);
    this.answerEntries = new EntityTable(clients.responses, mappingCodec(answerAuditMapping), recorder);
    this.decisionEntries = new EntityTable(clients.moderation, mappingCodec(decisionAuditMapping), recorder);
    this.actionEntries = new EntityTable(clients.actionPlan, mappingCodec(actionItemAuditMapping), recorder);
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
    const rows = await this.rows(assessmentId);
    return rows.map(({ value }) => entryOf(value));
  }

  /** Rewrites entries in place (forget); `rewrite` returns the new entry or undefined to leave it. Counts the changed ones. */
  async rewrite(assessmentId: string, rewrite: (entry: AuditEntry) => AuditEntry | undefined): Promise<number> {
    const rows = await this.rows(assessmentId);
    // Only entries the rewrite changes are read again (eTag-checked) and written; the rest stay untouched.
    const affected = rows.filter(({ value }) => rewrite(entryOf(value)) !== undefined);
    const rewriteStored = <S extends StoredAuditEntry>(current: S | undefined): S | undefined => {
      if (current === undefined) return undefined;
      const next = rewrite(entryOf(current));
      if (next === undefined) return undefined;
      // Only what the rewrite returns, under the same keys (time, id and, for answers, area).
      const kept = isAnswerEntry(current)
        ? { entryId: current.entryId, areaNumber: current.areaNumber }
        : { entryId: current.entryId };
      return { ...next, at: current.at, ...kept } as S;
    };
    const outcomes = await Promise.all(
      affected.map(({ value, kept }) =>
        isAnswerEntry(value)
          ? this.answerEntries.updateWith(answerAuditMapping.keysOf(value), rewriteStored)
          : this.tableOf(kept).updateWith(this.mappingOf(kept).keysOf(value), rewriteStored),
      ),
    );
    return outcomes.filter((outcome) => outcome.written).length;
  }

  /** Deletes the entries `shouldDelete` picks (retention); counts what went. */
  async deleteWhere(assessmentId: string, shouldDelete: (entry: AuditEntry) => boolean): Promise<number> {
    const rows = await this.rows(assessmentId);
    const deleted = await Promise.all(
      rows
        .filter(({ value }) => shouldDelete(entryOf(value)))
        .map(({ value, kept }) =>
          isAnswerEntry(value)
            ? this.answerEntries.delete(answerAuditMapping.keysOf(value))
            : this.tableOf(kept).delete(this.mappingOf(kept).keysOf(value)),
        ),
    );
    return deleted.filter(Boolean).length;
  }

  /** Every kind of entry, each with the table it is kept in, in time order (then by entry id, as row keys sort). */
  private async rows(assessmentId: string): Promise<StoredRow[]> {
    const [general, answers, decisions, actions] = await Promise.all([
      this.table.list({ partitionKey: auditPartition(assessmentId) }),
      this.answerEntries.list({ partitionKey: keyPrefixRange(assessmentId), rowKeyRange: answerAuditRows() }),
      this.decisionEntries.list({ partitionKey: moderationPartition(assessmentId), rowKeyRange: decisionAuditRows() }),
      this.actionEntries.list({ partitionKey: actionItemPartition(assessmentId), rowKeyRange: actionItemAuditRows() }),
    ]);
    const order = ({ value }: StoredRow) => `${sortableInstant(value.at)}-${value.entryId}`;
    return [
      ...general.map((row) => ({ ...row, kept: "audit" as const })),
      ...answers.map((row) => ({ ...row, kept: "answers" as const })),
      ...decisions.map((row) => ({ ...row, kept: "decisions" as const })),
      ...actions.map((row) => ({ ...row, kept: "actions" as const })),
    ].sort((a, b) => order(a).localeCompare(order(b)));
  }

  /** The table of an entry kept beside what it audits, or in Audit (answers' entries have their own mapping). */
  private tableOf(kept: StoredRow["kept"]): EntityTable<StoredAuditEntry> {
    return kept === "decisions" ? this.decisionEntries : kept === "actions" ? this.actionEntries : this.table;
  }

  private mappingOf(kept: StoredRow["kept"]) {
    return kept === "decisions" ? decisionAuditMapping : kept === "actions" ? actionItemAuditMapping : auditMapping;
  }
}

type StoredRow = Versioned<StoredAuditEntry | StoredAnswerAudit> & {
  kept: "audit" | "answers" | "decisions" | "actions";
};

function isAnswerEntry(entry: StoredAuditEntry | StoredAnswerAudit): entry is StoredAnswerAudit {
  return "areaNumber" in entry;
}

function entryOf(stored: StoredAuditEntry | StoredAnswerAudit): AuditEntry {
  const { entryId: _entryId, ...entry } = stored;
  if (!isAnswerEntry(stored)) return entry;
  const { areaNumber: _areaNumber, ...rest } = entry as Omit<StoredAnswerAudit, "entryId">;
  return rest;
}
