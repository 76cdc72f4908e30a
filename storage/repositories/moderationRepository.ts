import type { TableClient } from "@azure/data-tables";
import type { WriteRecorder } from "../writeRecorder";
import type { GlobalScoreDecision, ModerationDecision } from "../../assessment/moderation/moderationDecision";
import type { StatementRound } from "../../assessment/rounds/statementRound";
import { mappingCodec } from "../entityMapping";
import { EntityTable } from "../entityTable";
import type { StoredAuditEntry } from "../mappings/auditMapping";
import { saveWithAudit, type AuditedSave, type AuditOf } from "../saveWithAudit";
import {
  decisionAuditMapping,
  decisionKeys,
  decisionMapping,
  decisionRows,
  globalDecisionKeys,
  globalDecisionMapping,
  globalDecisionRows,
  moderationPartition,
  roundKeys,
  roundMapping,
  roundRows,
} from "../mappings/moderationMappings";

/**
 * Agreed ratings and global scores after moderation.
 * Table Moderation: PartitionKey = encoded assessment id.
 *   statement decisions:    RowKey = composeKey("s", statementId)
 *   global score decisions: RowKey = composeKey("g", padded area number)
 *   statements sent back for another round: RowKey = composeKey("r", statementId)
 *   decisions' audit entries: see decisionAuditMapping (written here, listed by AuditRepository)
 * Saves are version-checked and retried, so `previous` is exactly what this save replaced, and each
 * save writes its audit entry in the same transaction (one partition): no crash or outage keeps a
 * decision without its entry, or an entry without its decision.
 */
export class ModerationRepository {
  private readonly decisions: EntityTable<ModerationDecision>;
  private readonly globalDecisions: EntityTable<GlobalScoreDecision>;
  private readonly rounds: EntityTable<StatementRound>;
  private readonly auditEntries: EntityTable<StoredAuditEntry>;

  constructor(client: TableClient, recorder?: WriteRecorder) {
    this.decisions = new EntityTable(client, mappingCodec(decisionMapping), recorder);
    this.globalDecisions = new EntityTable(client, mappingCodec(globalDecisionMapping), recorder);
    this.rounds = new EntityTable(client, mappingCodec(roundMapping), recorder);
    this.auditEntries = new EntityTable(client, mappingCodec(decisionAuditMapping), recorder);
  }

  async getRound(assessmentId: string, statementId: string): Promise<StatementRound | undefined> {
    return (await this.rounds.get(roundKeys(assessmentId, statementId)))?.value;
  }

  /** Every statement sent back, in statement-id order as stored. */
  async listRounds(assessmentId: string): Promise<StatementRound[]> {
    const rows = await this.rounds.list({ partitionKey: moderationPartition(assessmentId), rowKeyRange: roundRows() });
    return rows.map((row) => row.value);
  }

  /**
   * Starts `round.round` only if the statement's latest round is the one before it, checked in the
   * same eTag-guarded transaction that writes its audit entry: two leads pressing "send back" at once
   * start one round, not two, and no failure keeps a round without its entry.
   */
  async startRound(round: StatementRound, audit: AuditOf<StatementRound>): Promise<boolean> {
    const saved = await saveWithAudit(this.tablesOf(this.rounds), roundMapping.keysOf(round), audit, (current) =>
      (current?.round ?? 1) === round.round - 1 ? round : undefined,
    );
    return saved.written;
  }

  async getDecision(assessmentId: string, statementId: string): Promise<ModerationDecision | undefined> {
    return (await this.decisions.get(decisionKeys(assessmentId, statementId)))?.value;
  }

  /**
   * Saves the decision with its audit entry; with `onlyIfAbsent`, only if the statement has none yet
   * (checked in the same eTag-guarded transaction, so a bulk accept never overwrites a decision a lead
   * recorded a moment earlier: then nothing is written). With `replacing`, only if the stored
   * decision is still the one the lead's form showed (see DecisionGuard).
   */
  saveDecision(
    decision: ModerationDecision,
    audit: AuditOf<ModerationDecision>,
    options: { onlyIfAbsent?: boolean } & DecisionGuard = {},
  ): Promise<AuditedSave<ModerationDecision>> {
    return saveWithAudit(this.tablesOf(this.decisions), decisionMapping.keysOf(decision), audit, (current) =>
      (options.onlyIfAbsent === true && current !== undefined) || changedSince(current, options) ? undefined : decision,
    );
  }

  /** In statement-id order as stored ("10a" sorts before "7a"; sort by area if order matters). */
  async listDecisions(assessmentId: string): Promise<ModerationDecision[]> {
    const rows = await this.decisions.list({
      partitionKey: moderationPartition(assessmentId),
      rowKeyRange: decisionRows(),
    });
    return rows.map((row) => row.value);
  }

  async getGlobalDecision(assessmentId: string, areaNumber: number): Promise<GlobalScoreDecision | undefined> {
    return (await this.globalDecisions.get(globalDecisionKeys(assessmentId, areaNumber)))?.value;
  }

  /** As saveDecision, for an area's agreed global score. */
  saveGlobalDecision(
    decision: GlobalScoreDecision,
    audit: AuditOf<GlobalScoreDecision>,
    guard: DecisionGuard = {},
  ): Promise<AuditedSave<GlobalScoreDecision>> {
    return saveWithAudit(
      this.tablesOf(this.globalDecisions),
      globalDecisionMapping.keysOf(decision),
      audit,
      (current) => (changedSince(current, guard) ? undefined : decision),
    );
  }

  /** In area number order. */
  async listGlobalDecisions(assessmentId: string): Promise<GlobalScoreDecision[]> {
    const rows = await this.globalDecisions.list({
      partitionKey: moderationPartition(assessmentId),
      rowKeyRange: globalDecisionRows(),
    });
    return rows.map((row) => row.value);
  }

  /**
   * Rewrites stored decisions in place (forget: who recorded them; retention: the rationale).
   * Each rewrite returns the new decision, or undefined to leave it; counts the decisions changed.
   */
  async rewriteAll(
    assessmentId: string,
    rewrite: {
      decision: (decision: ModerationDecision) => ModerationDecision | undefined;
      globalDecision: (decision: GlobalScoreDecision) => GlobalScoreDecision | undefined;
      /** Rounds hold no free text, only who started them: only erasure needs to rewrite them. */
      round?: (round: StatementRound) => StatementRound | undefined;
    },
  ): Promise<number> {
    const [decisions, globalDecisions, rounds] = await Promise.all([
      this.listDecisions(assessmentId),
      this.listGlobalDecisions(assessmentId),
      this.listRounds(assessmentId),
    ]);
    const rewriteRound = rewrite.round ?? (() => undefined);
    // Only decisions the rewrite changes are read again (eTag-checked) and written.
    const outcomes = await Promise.all([
      ...decisions
        .filter((decision) => rewrite.decision(decision) !== undefined)
        .map((decision) =>
          this.decisions.updateWith(decisionMapping.keysOf(decision), (current) =>
            current ? rewrite.decision(current) : undefined,
          ),
        ),
      ...globalDecisions
        .filter((decision) => rewrite.globalDecision(decision) !== undefined)
        .map((decision) =>
          this.globalDecisions.updateWith(globalDecisionMapping.keysOf(decision), (current) =>
            current ? rewrite.globalDecision(current) : undefined,
          ),
        ),
      ...rounds
        .filter((round) => rewriteRound(round) !== undefined)
        .map((round) =>
          this.rounds.updateWith(roundMapping.keysOf(round), (current) =>
            current ? rewriteRound(current) : undefined,
          ),
        ),
    ]);
    return outcomes.filter((outcome) => outcome.written).length;
  }

  /** A kind of decision and the audit entries beside it, for one transaction. */
  private tablesOf<T>(values: EntityTable<T>) {
    return { values, entries: this.auditEntries };
  }
}

/**
 * `replacing`: the decidedAt of the decision the lead's form was filled from (null: it showed none).
 * Two leads moderating one area at once must not overwrite each other's rationale unseen: a save
 * whose form showed another decision than the one stored writes nothing (checked inside the same
 * eTag-guarded transaction). With nothing stored there is nothing to overwrite. Absent: the save
 * replaces whatever is stored.
 */
export interface DecisionGuard {
  replacing?: string | null;
}

function changedSince(current: { decidedAt: string } | undefined, guard: DecisionGuard): boolean {
  return guard.replacing !== undefined && current !== undefined && current.decidedAt !== guard.replacing;
}
