import { randomBytes } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import type { WriteRecorder } from "../writeRecorder";
import type { AuditEntry } from "../../assessment/audit/auditEntry";
import { mappingCodec, type EntityKeys } from "../entityMapping";
import { EntityTable } from "../entityTable";
import { answerAuditMapping, answerAuditRows } from "../mappings/answerAuditMapping";
import {
  auditMapping,
  auditPartition,
  sortableInstant,
  type StoredAnswerAudit,
  type StoredAuditEntry,
} from "../mappings/auditMapping";
import {
  answerRows,
  globalScoreRows,
  storedAnswerMapping,
  storedGlobalScoreMapping,
  type StoredAnswer,
  type StoredGlobalScore,
} from "../mappings/responseMappings";
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
 * Answers' and global scores' entries live in their rows' trails (storedAnswerMapping, written by
 * ResponseRepository with the answer) and, once moved out, beside them as "a" rows
 * (answerAuditMapping); moderation decisions' entries beside the decisions (decisionAuditMapping,
 * written by ModerationRepository in the decision's transaction) and the action plan's beside its
 * actions (actionItemAuditMapping, ActionItemRepository); every method here covers them all.
 * A trail's entry is rewritten or deleted by an eTag-checked update of its row's trail alone.
 */
export class AuditRepository {
  private readonly table: EntityTable<StoredAuditEntry>;
  private readonly answerEntries: EntityTable<StoredAnswerAudit>;
  private readonly answerRows: EntityTable<StoredAnswer>;
  private readonly scoreRows: EntityTable<StoredGlobalScore>;
  private readonly decisionEntries: EntityTable<StoredAuditEntry>;
  private readonly actionEntries: EntityTable<StoredAuditEntry>;

  constructor(
    clients: { audit: TableClient; responses: TableClient; moderation: TableClient; actionPlan: TableClient },
    recorder?: WriteRecorder,
  ) {
    this.table = new EntityTable(clients.audit, mappingCodec(auditMapping), recorder);
    this.answerEntries = new EntityTable(clients.responses, mappingCodec(answerAuditMapping), recorder);
    this.answerRows = new EntityTable(clients.responses, mappingCodec(storedAnswerMapping), recorder);
    this.scoreRows = new EntityTable(clients.responses, mappingCodec(storedGlobalScoreMapping), recorder);
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
    const rewriteTrail = (trail: readonly StoredAnswerAudit[]) => {
      const rewritten = trail.map((entry) => rewriteStored(entry));
      if (rewritten.every((entry) => entry === undefined)) return undefined;
      return trail.map((entry, index) => rewritten[index] ?? entry);
    };
    const outcomes = await Promise.all([
      ...affected.filter(isKeptRow).map(async ({ value, kept }) => {
        const outcome = isAnswerEntry(value)
          ? await this.answerEntries.updateWith(answerAuditMapping.keysOf(value), rewriteStored)
          : await this.tableOf(kept).updateWith(this.mappingOf(kept).keysOf(value), rewriteStored);
        return outcome.written ? 1 : 0;
      }),
      ...carriersOf(affected).map(async (carrier) => {
        const { before, after } = await this.changeTrail(carrier, rewriteTrail);
        return after.filter((entry, index) => JSON.stringify(entry) !== JSON.stringify(before[index])).length;
      }),
    ]);
    return outcomes.reduce((sum, changed) => sum + changed, 0);
  }

  /** Deletes the entries `shouldDelete` picks (retention); counts what went. */
  async deleteWhere(assessmentId: string, shouldDelete: (entry: AuditEntry) => boolean): Promise<number> {
    const doomed = (await this.rows(assessmentId)).filter(({ value }) => shouldDelete(entryOf(value)));
    const keepTrail = (trail: readonly StoredAnswerAudit[]) => {
      const kept = trail.filter((entry) => !shouldDelete(entryOf(entry)));
      return kept.length === trail.length ? undefined : kept;
    };
    const deleted = await Promise.all([
      ...doomed.filter(isKeptRow).map(async ({ value, kept }) => {
        const gone = isAnswerEntry(value)
          ? await this.answerEntries.delete(answerAuditMapping.keysOf(value))
          : await this.tableOf(kept).delete(this.mappingOf(kept).keysOf(value));
        return gone ? 1 : 0;
      }),
      ...carriersOf(doomed).map(async (carrier) => {
        const { before, after } = await this.changeTrail(carrier, keepTrail);
        return before.length - after.length;
      }),
    ]);
    return deleted.reduce((sum, gone) => sum + gone, 0);
  }

  /**
   * Every kind of entry, each with where it is kept, in time order (then by entry id, as row keys
   * sort): answers' and scores' trails come from their rows, in the same partitions as "a" rows.
   */
  private async rows(assessmentId: string): Promise<StoredRow[]> {
    const responses = { partitionKey: keyPrefixRange(assessmentId) };
    const [general, answers, decisions, actions, answerCarriers, scoreCarriers] = await Promise.all([
      this.table.list({ partitionKey: auditPartition(assessmentId) }),
      this.answerEntries.list({ ...responses, rowKeyRange: answerAuditRows() }),
      this.decisionEntries.list({ partitionKey: moderationPartition(assessmentId), rowKeyRange: decisionAuditRows() }),
      this.actionEntries.list({ partitionKey: actionItemPartition(assessmentId), rowKeyRange: actionItemAuditRows() }),
      this.answerRows.list({ ...responses, rowKeyRange: answerRows() }),
      this.scoreRows.list({ ...responses, rowKeyRange: globalScoreRows() }),
    ]);
    const trails = (kept: TrailRow["kept"], carriers: Versioned<StoredAnswer | StoredGlobalScore>[]): TrailRow[] =>
      carriers.flatMap(({ value }) => {
        const carrier =
          kept === "answerTrail"
            ? storedAnswerMapping.keysOf(value as StoredAnswer)
            : storedGlobalScoreMapping.keysOf(value as StoredGlobalScore);
        return (value.trail ?? []).map((entry) => ({ value: entry, kept, carrier }));
      });
    const order = ({ value }: StoredRow) => `${sortableInstant(value.at)}-${value.entryId}`;
    return [
      ...general.map((row) => ({ ...row, kept: "audit" as const })),
      ...answers.map((row) => ({ ...row, kept: "answers" as const })),
      ...decisions.map((row) => ({ ...row, kept: "decisions" as const })),
      ...actions.map((row) => ({ ...row, kept: "actions" as const })),
      ...trails("answerTrail", answerCarriers),
      ...trails("scoreTrail", scoreCarriers),
    ].sort((a, b) => order(a).localeCompare(order(b)));
  }

  /**
   * One eTag-checked update of a row's trail, nothing else in the row changed; `change` returns the
   * new trail or undefined to leave it. The trail before and after (both empty when nothing was written).
   */
  private async changeTrail(
    { kept, carrier }: Pick<TrailRow, "kept" | "carrier">,
    change: (trail: readonly StoredAnswerAudit[]) => StoredAnswerAudit[] | undefined,
  ): Promise<{ before: readonly StoredAnswerAudit[]; after: readonly StoredAnswerAudit[] }> {
    const outcome =
      kept === "answerTrail"
        ? await updateTrail(this.answerRows, carrier, change)
        : await updateTrail(this.scoreRows, carrier, change);
    if (!outcome.written) return { before: [], after: [] };
    return { before: outcome.previous?.trail ?? [], after: outcome.current?.value.trail ?? [] };
  }

  /** The table of an entry kept beside what it audits, or in Audit (answers' entries have their own mapping). */
  private tableOf(kept: StoredRow["kept"]): EntityTable<StoredAuditEntry> {
    return kept === "decisions" ? this.decisionEntries : kept === "actions" ? this.actionEntries : this.table;
  }

  private mappingOf(kept: StoredRow["kept"]) {
    return kept === "decisions" ? decisionAuditMapping : kept === "actions" ? actionItemAuditMapping : auditMapping;
  }
}

/** An entry kept as a row of its own, with the table it is kept in. */
type KeptRow = Versioned<StoredAuditEntry | StoredAnswerAudit> & {
  kept: "audit" | "answers" | "decisions" | "actions";
};
/** An entry of an answer's or global score's trail, with the keys of the row carrying it. */
interface TrailRow {
  value: StoredAnswerAudit;
  kept: "answerTrail" | "scoreTrail";
  carrier: EntityKeys;
}
type StoredRow = KeptRow | TrailRow;

function isKeptRow(row: StoredRow): row is KeptRow {
  return !("carrier" in row);
}

/** The rows carrying the given trail entries, each once. */
function carriersOf(rows: readonly StoredRow[]): Pick<TrailRow, "kept" | "carrier">[] {
  const carriers = new Map<string, Pick<TrailRow, "kept" | "carrier">>();
  for (const row of rows) if (!isKeptRow(row)) carriers.set(`${row.carrier.partitionKey}|${row.carrier.rowKey}`, row);
  return [...carriers.values()];
}

function updateTrail<T extends { trail?: StoredAnswerAudit[] }>(
  table: EntityTable<T>,
  keys: EntityKeys,
  change: (trail: readonly StoredAnswerAudit[]) => StoredAnswerAudit[] | undefined,
) {
  return table.updateWith(keys, (current) => {
    const trail = current?.trail && change(current.trail);
    return trail && { ...current, trail: trail.length > 0 ? trail : undefined };
  });
}

function isAnswerEntry(entry: StoredAuditEntry | StoredAnswerAudit): entry is StoredAnswerAudit {
  return "areaNumber" in entry;
}

function entryOf(stored: StoredAuditEntry | StoredAnswerAudit): AuditEntry {
  const { entryId: _entryId, ...entry } = stored;
  if (!isAnswerEntry(stored)) return entry;
  const { areaNumber: _areaNumber, ...rest } = entry as Omit<StoredAnswerAudit, "entryId">;
  return rest;
}
