import type { TableClient } from "@azure/data-tables";
import type { WriteRecorder } from "../writeRecorder";
import type { Answer, GlobalScoreAnswer } from "../../assessment/answers/answer";
import type { AuditEntry } from "../../assessment/audit/auditEntry";
import { mappingCodec } from "../entityMapping";
import { EntityTable, UPDATE_ATTEMPTS } from "../entityTable";
import { answerAuditMapping, type StoredAnswerAudit } from "../mappings/answerAuditMapping";
import { retryOnConflict } from "../retryOnConflict";
import type { Versioned } from "../versioned";
import type { EntityQuery } from "../entityQuery";
import {
  RESPONDENT_COLUMN,
  answerKeys,
  answerMapping,
  answerRows,
  statementAnswerRows,
  globalScoreKeys,
  globalScoreMapping,
  globalScoreRows,
  responsePartition,
} from "../mappings/responseMappings";
import type { SaveOutcome } from "../saveOutcome";
import type { EntityKeys } from "../entityMapping";

/**
 * Members' answers and global scores.
 * Table Responses: PartitionKey = composeKey(assessment id, padded area): one working group's area
 * is one partition, so compiling is one query per area in parallel and areas never leak into each other.
 *   answers:       RowKey = composeKey("s", statementId, aadObjectId)
 *   global scores: RowKey = composeKey("g", aadObjectId)
 *   answers' audit entries: see answerAuditMapping (written here, listed by AuditRepository)
 * `respondent` is JSON, plus a flat respondentAadObjectId column for export and forget.
 */
export interface StatementAnswers {
  answers: Answer[];
  own?: Versioned<Answer>;
}

/** An area's global scores, with one member's own and the version a save of theirs depends on. */
export interface AreaGlobalScores {
  scores: GlobalScoreAnswer[];
  own?: Versioned<GlobalScoreAnswer>;
}

/** The audit entry of saving a response, given what it replaces; `entryId` makes a repeated save find its entry. */
export type ResponseAudit<T> = (previous: T | undefined) => { entry: AuditEntry; entryId: string };
export type AnswerAudit = ResponseAudit<Answer>;

/** How a save may skip its first read and write its audit entry with it (see ResponseRepository.saveAnswer). */
export interface ResponseSaveOptions<T> {
  /** The member's own row as read moments ago (readStatement, readGlobalScores); absent: read it first. */
  read?: { own?: Versioned<T> };
  audit?: ResponseAudit<T>;
}

function sameAnswer(stored: Answer, next: Answer): boolean {
  return (
    stored.rating === next.rating &&
    stored.evidence === next.evidence &&
    stored.ideas === next.ideas &&
    (stored.round ?? 1) === (next.round ?? 1)
  );
}

function sameScore(stored: GlobalScoreAnswer, next: GlobalScoreAnswer): boolean {
  return stored.score === next.score;
}

export class ResponseRepository {
  private readonly answers: EntityTable<Answer>;
  private readonly globalScores: EntityTable<GlobalScoreAnswer>;
  private readonly auditEntries: EntityTable<StoredAnswerAudit>;

  constructor(client: TableClient, recorder?: WriteRecorder) {
    this.answers = new EntityTable(client, mappingCodec(answerMapping), recorder);
    this.globalScores = new EntityTable(client, mappingCodec(globalScoreMapping), recorder);
    this.auditEntries = new EntityTable(client, mappingCodec(answerAuditMapping), recorder);
  }

  /** One query: a statement's answers, with one member's own and the version a save of theirs depends on. */
  async readStatement(
    assessmentId: string,
    areaNumber: number,
    statementId: string,
    aadObjectId: string,
  ): Promise<StatementAnswers> {
    const rows = await this.answers.list(this.query(assessmentId, areaNumber, statementAnswerRows(statementId)));
    return {
      answers: rows.map((row) => row.value),
      own: rows.find((row) => row.value.respondent.aadObjectId === aadObjectId),
    };
  }

  /**
   * Version-checked and retried, so two edits at once never silently overwrite each other; an
   * identical resubmission writes nothing. With `audit`, the entry it describes is written in the
   * same transaction as the answer (one partition), so no failure keeps one without the other.
   * With `read` (from readStatement, moments ago), the first try writes without reading again.
   */
  saveAnswer(answer: Answer, options: ResponseSaveOptions<Answer> = {}): Promise<SaveOutcome<Answer>> {
    return this.saveResponse(
      this.answers,
      answerMapping.keysOf(answer),
      answer,
      answer.areaNumber,
      sameAnswer,
      options,
    );
  }

  async getAnswer(
    assessmentId: string,
    areaNumber: number,
    statementId: string,
    aadObjectId: string,
  ): Promise<Answer | undefined> {
    return (await this.answers.get(answerKeys(assessmentId, areaNumber, statementId, aadObjectId)))?.value;
  }

  /** Ordered by statement, then respondent. */
  listAreaAnswers(assessmentId: string, areaNumber: number): Promise<Answer[]> {
    return this.listAnswers(assessmentId, areaNumber);
  }

  /** The answers to one statement — what a submission needs, without reading the whole area. */
  async listStatementAnswers(assessmentId: string, areaNumber: number, statementId: string): Promise<Answer[]> {
    const rows = await this.answers.list(this.query(assessmentId, areaNumber, statementAnswerRows(statementId)));
    return rows.map((row) => row.value);
  }

  /** One partition query per area, in parallel; results in the order of `areaNumbers`. */
  async listAssessmentAnswers(assessmentId: string, areaNumbers: readonly number[]): Promise<Answer[]> {
    const perArea = await Promise.all(areaNumbers.map((area) => this.listAnswers(assessmentId, area)));
    return perArea.flat();
  }

  /** One query: an area's global scores, with one member's own and the version a save of theirs depends on. */
  async readGlobalScores(assessmentId: string, areaNumber: number, aadObjectId: string): Promise<AreaGlobalScores> {
    const rows = await this.globalScores.list(this.query(assessmentId, areaNumber, globalScoreRows()));
    return {
      scores: rows.map((row) => row.value),
      own: rows.find((row) => row.value.respondent.aadObjectId === aadObjectId),
    };
  }

  /** As saveAnswer, for a global score: `read` from readGlobalScores, `audit` written in the same transaction. */
  saveGlobalScore(
    score: GlobalScoreAnswer,
    options: ResponseSaveOptions<GlobalScoreAnswer> = {},
  ): Promise<SaveOutcome<GlobalScoreAnswer>> {
    return this.saveResponse(
      this.globalScores,
      globalScoreMapping.keysOf(score),
      score,
      score.areaNumber,
      sameScore,
      options,
    );
  }

  async getGlobalScore(
    assessmentId: string,
    areaNumber: number,
    aadObjectId: string,
  ): Promise<GlobalScoreAnswer | undefined> {
    return (await this.globalScores.get(globalScoreKeys(assessmentId, areaNumber, aadObjectId)))?.value;
  }

  listAreaGlobalScores(assessmentId: string, areaNumber: number): Promise<GlobalScoreAnswer[]> {
    return this.listGlobalScores(assessmentId, areaNumber);
  }

  /** One person's answers (data-protection export). */
  async listAnswersBy(assessmentId: string, areaNumbers: readonly number[], aadObjectId: string): Promise<Answer[]> {
    const perArea = await Promise.all(areaNumbers.map((area) => this.listAnswers(assessmentId, area, aadObjectId)));
    return perArea.flat();
  }

  /** One person's global scores (data-protection export). */
  async listGlobalScoresBy(
    assessmentId: string,
    areaNumbers: readonly number[],
    aadObjectId: string,
  ): Promise<GlobalScoreAnswer[]> {
    const perArea = await Promise.all(
      areaNumbers.map((area) => this.listGlobalScores(assessmentId, area, aadObjectId)),
    );
    return perArea.flat();
  }

  /** Deletes one person's answers and global scores in the given areas (forget); returns how many rows went. */
  async deleteBy(assessmentId: string, areaNumbers: readonly number[], aadObjectId: string): Promise<number> {
    const [answers, scores] = await Promise.all([
      this.listAnswersBy(assessmentId, areaNumbers, aadObjectId),
      this.listGlobalScoresBy(assessmentId, areaNumbers, aadObjectId),
    ]);
    const deleted = await Promise.all([
      ...answers.map((answer) => this.answers.delete(answerMapping.keysOf(answer))),
      ...scores.map((score) => this.globalScores.delete(globalScoreMapping.keysOf(score))),
    ]);
    return deleted.filter(Boolean).length;
  }

  /** Deletes every answer and global score of the given areas (retention); counts what went. */
  async deleteAreas(
    assessmentId: string,
    areaNumbers: readonly number[],
  ): Promise<{ answers: number; globalScores: number }> {
    const [answers, scores] = await Promise.all([
      this.listAssessmentAnswers(assessmentId, areaNumbers),
      Promise.all(areaNumbers.map((area) => this.listGlobalScores(assessmentId, area))).then((perArea) =>
        perArea.flat(),
      ),
    ]);
    const [deletedAnswers, deletedScores] = await Promise.all([
      Promise.all(answers.map((answer) => this.answers.delete(answerMapping.keysOf(answer)))),
      Promise.all(scores.map((score) => this.globalScores.delete(globalScoreMapping.keysOf(score)))),
    ]);
    return { answers: deletedAnswers.filter(Boolean).length, globalScores: deletedScores.filter(Boolean).length };
  }

  private async listAnswers(assessmentId: string, areaNumber: number, aadObjectId?: string): Promise<Answer[]> {
    const rows = await this.answers.list(this.query(assessmentId, areaNumber, answerRows(), aadObjectId));
    return rows.map((row) => row.value);
  }

  private async listGlobalScores(
    assessmentId: string,
    areaNumber: number,
    aadObjectId?: string,
  ): Promise<GlobalScoreAnswer[]> {
    const rows = await this.globalScores.list(this.query(assessmentId, areaNumber, globalScoreRows(), aadObjectId));
    return rows.map((row) => row.value);
  }

  /** The one save path of answers and global scores: see saveAnswer. */
  private saveResponse<T>(
    table: EntityTable<T>,
    keys: EntityKeys,
    value: T,
    areaNumber: number,
    same: (stored: T, next: T) => boolean,
    options: ResponseSaveOptions<T>,
  ): Promise<SaveOutcome<T>> {
    let known = options.read ? { stored: options.read.own } : undefined;
    return retryOnConflict(
      async () => {
        const stored = known ? known.stored : await table.get(keys);
        known = undefined;
        if (stored && same(stored.value, value)) return { outcome: "unchanged", previous: stored.value };
        const writes = [table.writeOf(value, stored?.version)];
        if (options.audit) {
          const { entry, entryId } = options.audit(stored?.value);
          writes.push(this.auditEntries.writeOf({ ...entry, entryId, areaNumber }));
        }
        await table.transact(writes);
        return stored ? { outcome: "updated", previous: stored.value } : { outcome: "created" };
      },
      { attempts: UPDATE_ATTEMPTS },
    );
  }

  private query(
    assessmentId: string,
    areaNumber: number,
    rowKeyRange: EntityQuery["rowKeyRange"],
    aadObjectId?: string,
  ): EntityQuery {
    const where = aadObjectId === undefined ? undefined : { column: RESPONDENT_COLUMN, equals: aadObjectId };
    return { partitionKey: responsePartition(assessmentId, areaNumber), rowKeyRange, where };
  }
}
