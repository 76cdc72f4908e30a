import type { TableClient } from "@azure/data-tables";
import type { WriteRecorder } from "../writeRecorder";
import type { Answer, GlobalScoreAnswer } from "../../assessment/answers/answer";
import type { AuditEntry } from "../../assessment/audit/auditEntry";
import { mappingCodec } from "../entityMapping";
import { EntityTable, UPDATE_ATTEMPTS } from "../entityTable";
import { answerAuditMapping } from "../mappings/answerAuditMapping";
import type { StoredAnswerAudit } from "../mappings/auditMapping";
import { retryOnConflict } from "../retryOnConflict";
import type { Versioned } from "../versioned";
import type { EntityQuery } from "../entityQuery";
import {
  RESPONDENT_COLUMN,
  answerKeys,
  answerMapping,
  answerRows,
  extendTrail,
  statementAnswerRows,
  globalScoreKeys,
  globalScoreMapping,
  globalScoreRows,
  responsePartition,
  storedAnswerMapping,
  storedGlobalScoreMapping,
} from "../mappings/responseMappings";
import type { SaveOutcome } from "../saveOutcome";
import type { EntityKeys } from "../entityMapping";
import { LRUCache } from "lru-cache";
import { SharedReads } from "../sharedReads";

/**
 * What showing one member their response needs: how many have answered, and the member's own row.
 * Never everyone's words: a big channel's answers would cost the hot path in proportion to its size.
 */
export interface OwnResponse<T> {
  answeredCount: number;
  own?: Versioned<T>;
}

/**
 * Who has answered a statement (or given an area's score), kept by this instance for
 * RESPONDENTS_REUSE_MS and added to by its own saves: the count on a member's card. Another
 * instance's answers can take that long to show in it; the channel card's count, re-read after every
 * save (BaseCardUpdater), is exact.
 */
const RESPONDENTS_REUSE_MS = 10_000;
/**
 * Rows remembered (per statement and member) and statements whose respondents are kept: a council's
 * assessment is ~3,000 answers and 106 statements, so one instance keeps a whole assessment's worth.
 */
const REMEMBERED_ROWS = 5_000;

/** The audit entry of saving a response, given what it replaces; `entryId` makes a repeated save find its entry. */
export type ResponseAudit<T> = (previous: T | undefined) => { entry: AuditEntry; entryId: string };
export type AnswerAudit = ResponseAudit<Answer>;

/** How a save may skip its first read and write its audit entry with it (see ResponseRepository.saveAnswer). */
export interface ResponseSaveOptions<T> {
  /** The member's own row as read moments ago (readStatement, readGlobalScores); absent: read it first. */
  read?: { own?: Versioned<T> };
  audit?: ResponseAudit<T>;
}

const rowId = (keys: EntityKeys) => `${keys.partitionKey}|${keys.rowKey}`;

/** A stored answer or global-score row: the value and its audit trail (see storedAnswerMapping). */
type Stored<T> = T & { trail?: StoredAnswerAudit[] };

/** What leaves this repository: never the trail (AuditRepository lists it). */
function withoutTrail<T extends Answer | GlobalScoreAnswer>(stored: Stored<T>): T {
  const { trail: _trail, ...value } = stored;
  return value as T;
}

function withTrail<T>(value: T, trail: StoredAnswerAudit[]): Stored<T> {
  return { ...value, trail: trail.length > 0 ? trail : undefined };
}

/** How the first try of a save knows the stored row: `fresh` if read moments ago rather than remembered. */
interface Guess<T> {
  stored: Versioned<Stored<T>> | undefined;
  fresh: boolean;
}

/**
 * The row a save's first try writes over, or undefined to read it first. `read` (readStatement,
 * moments ago) has no trail: the remembered row of the same version is that row with its trail
 * (readOwn remembered it); another version (rare: changed or forgotten since) is read.
 */
function firstGuess<T>(
  remembered: Versioned<Stored<T>> | undefined,
  read: { own?: Versioned<T> } | undefined,
): Guess<T> | undefined {
  if (read === undefined) return { stored: remembered, fresh: false };
  if (read.own === undefined) return { stored: undefined, fresh: true };
  return remembered?.version === read.own.version ? { stored: remembered, fresh: true } : undefined;
}

/** The respondents cache's key for a statement's answers or an area's scores (one row-key range of one partition). */
function respondentsId(query: EntityQuery): string {
  return `${JSON.stringify(query.partitionKey)}|${query.rowKeyRange?.from ?? ""}`;
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

/**
 * Members' answers and global scores.
 * Table Responses: PartitionKey = composeKey(assessment id, padded area): one working group's area
 * is one partition, so compiling is one query per area in parallel and areas never leak into each other.
 *   answers:       RowKey = composeKey("s", statementId, aadObjectId)
 *   global scores: RowKey = composeKey("g", aadObjectId)
 *   answers' audit entries: in each row's `trail`, and "a" rows for trails that moved out (see
 *   answerAuditMapping); written here, listed by AuditRepository
 * `respondent` is JSON, plus a flat respondentAadObjectId column for export, forget and the count of
 * who has answered (read alone, see statementRespondents).
 */
export class ResponseRepository {
  /** Reads that return domain values: the domain schema drops `trail`, so no trail is parsed or returned. */
  private readonly answers: EntityTable<Answer>;
  private readonly globalScores: EntityTable<GlobalScoreAnswer>;
  /** The whole rows, trail included: what saves and deletes read and write. */
  private readonly answerRows: EntityTable<Stored<Answer>>;
  private readonly scoreRows: EntityTable<Stored<GlobalScoreAnswer>>;
  private readonly auditEntries: EntityTable<StoredAnswerAudit>;

  /**
   * Each member's own row (trail included) as this instance last read or wrote it, with its version:
   * a save writes conditionally on that version without reading first (see saveResponse).
   */
  private readonly rememberedAnswers = new LRUCache<string, Versioned<Stored<Answer>>>({ max: REMEMBERED_ROWS });
  private readonly rememberedScores = new LRUCache<string, Versioned<Stored<GlobalScoreAnswer>>>({
    max: REMEMBERED_ROWS,
  });
  private readonly respondents = new LRUCache<string, { who: Set<string>; readAt: number }>({ max: REMEMBERED_ROWS });
  private readonly respondentReads = new SharedReads<Set<string>>();

  constructor(
    client: TableClient,
    private readonly now: () => Date,
    recorder?: WriteRecorder,
  ) {
    this.answers = new EntityTable(client, mappingCodec(answerMapping), recorder);
    this.globalScores = new EntityTable(client, mappingCodec(globalScoreMapping), recorder);
    this.answerRows = new EntityTable(client, mappingCodec(storedAnswerMapping), recorder);
    this.scoreRows = new EntityTable(client, mappingCodec(storedGlobalScoreMapping), recorder);
    this.auditEntries = new EntityTable(client, mappingCodec(answerAuditMapping), recorder);
  }

  /** One member's answer to a statement and how many have answered it, read in parallel. */
  async readStatement(
    assessmentId: string,
    areaNumber: number,
    statementId: string,
    aadObjectId: string,
  ): Promise<OwnResponse<Answer>> {
    return this.readOwn(
      this.answerRows,
      this.rememberedAnswers,
      answerKeys(assessmentId, areaNumber, statementId, aadObjectId),
      this.statementRespondents(assessmentId, areaNumber, statementId),
    );
  }

  /**
   * Who has answered a statement, by Azure AD object id: one column of the statement's rows, or what
   * this instance knows from the last RESPONDENTS_REUSE_MS (see RESPONDENTS_REUSE_MS).
   */
  statementRespondents(assessmentId: string, areaNumber: number, statementId: string): Promise<ReadonlySet<string>> {
    return this.knownRespondents(this.answers, this.query(assessmentId, areaNumber, statementAnswerRows(statementId)));
  }

  /**
   * Version-checked and retried, so two edits at once never silently overwrite each other; an
   * identical resubmission writes nothing. With `audit`, the entry it describes is added to the
   * row's trail in the same single-entity write as the answer, so no failure keeps one without the
   * other. The first try reads nothing: it writes conditionally on `read` (from readStatement,
   * moments ago) or on the row as this instance last saw it (see saveResponse).
   */
  saveAnswer(answer: Answer, options: ResponseSaveOptions<Answer> = {}): Promise<SaveOutcome<Answer>> {
    return this.saveResponse(
      this.answerRows,
      this.rememberedAnswers,
      answerMapping.keysOf(answer),
      answer,
      answer.areaNumber,
      sameAnswer,
      this.query(answer.assessmentId, answer.areaNumber, statementAnswerRows(answer.statementId)),
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

  /** One member's global score for an area and how many have given one, read in parallel. */
  async readGlobalScores(
    assessmentId: string,
    areaNumber: number,
    aadObjectId: string,
  ): Promise<OwnResponse<GlobalScoreAnswer>> {
    return this.readOwn(
      this.scoreRows,
      this.rememberedScores,
      globalScoreKeys(assessmentId, areaNumber, aadObjectId),
      this.globalScoreRespondents(assessmentId, areaNumber),
    );
  }

  /** Who has given an area's global score: as statementRespondents. */
  globalScoreRespondents(assessmentId: string, areaNumber: number): Promise<ReadonlySet<string>> {
    return this.knownRespondents(this.globalScores, this.query(assessmentId, areaNumber, globalScoreRows()));
  }

  /** As saveAnswer, for a global score: `read` from readGlobalScores, `audit` added to the row's trail in the same write. */
  saveGlobalScore(
    score: GlobalScoreAnswer,
    options: ResponseSaveOptions<GlobalScoreAnswer> = {},
  ): Promise<SaveOutcome<GlobalScoreAnswer>> {
    return this.saveResponse(
      this.scoreRows,
      this.rememberedScores,
      globalScoreMapping.keysOf(score),
      score,
      score.areaNumber,
      sameScore,
      this.query(score.assessmentId, score.areaNumber, globalScoreRows()),
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

  /**
   * Deletes one person's answers and global scores in the given areas (forget); returns how many rows
   * went. Their trails stay, as "a" rows (see deleteRow): forget's audit.rewrite redacts them next.
   */
  deleteBy(assessmentId: string, areaNumbers: readonly number[], aadObjectId: string): Promise<number> {
    return this.deleteRows(assessmentId, areaNumbers, aadObjectId).then(
      ({ answers, globalScores }) => answers + globalScores,
    );
  }

  /**
   * Deletes every answer and global score of the given areas (retention); counts what went. Trails
   * move out as forget's do although retention's audit.deleteWhere then deletes answers' entries:
   * that call, not this one, decides which entries go, and counts them as before trails existed.
   */
  deleteAreas(
    assessmentId: string,
    areaNumbers: readonly number[],
  ): Promise<{ answers: number; globalScores: number }> {
    return this.deleteRows(assessmentId, areaNumbers);
  }

  /** The rows of the given areas (one person's, with `aadObjectId`), each deleted without losing its trail. */
  private async deleteRows(
    assessmentId: string,
    areaNumbers: readonly number[],
    aadObjectId?: string,
  ): Promise<{ answers: number; globalScores: number }> {
    const inAreas = <T>(rows: EntityTable<T>, rowKeyRange: EntityQuery["rowKeyRange"]) =>
      Promise.all(areaNumbers.map((area) => rows.list(this.query(assessmentId, area, rowKeyRange, aadObjectId)))).then(
        (perArea) => perArea.flat(),
      );
    const [answers, scores] = await Promise.all([
      inAreas(this.answerRows, answerRows()),
      inAreas(this.scoreRows, globalScoreRows()),
    ]);
    this.forgetRemembered();
    const [deletedAnswers, deletedScores] = await Promise.all([
      Promise.all(answers.map((row) => this.deleteRow(this.answerRows, answerMapping.keysOf(row.value), row))),
      Promise.all(scores.map((row) => this.deleteRow(this.scoreRows, globalScoreMapping.keysOf(row.value), row))),
    ]);
    return { answers: deletedAnswers.filter(Boolean).length, globalScores: deletedScores.filter(Boolean).length };
  }

  /**
   * Deletes a row without losing its trail: one transaction replaces the row, conditional on the
   * version listed, with its trail moved out to "a" rows; then the row is deleted, conditional on the
   * version that left. (The delete cannot join the transaction: @azure/data-tables 13.3's
   * submitTransaction sends a delete without its ETag, so a change saved meanwhile would go with its
   * audit entry.) A change saved in between fails the condition and the row is read again; a crash in
   * between leaves the row without a trail and its entries as "a" rows: nothing lost, and a repeat
   * deletes it.
   */
  private deleteRow<T extends Answer | GlobalScoreAnswer>(
    rows: EntityTable<Stored<T>>,
    keys: EntityKeys,
    listed: Versioned<Stored<T>>,
  ): Promise<boolean> {
    let known: Versioned<Stored<T>> | undefined = listed;
    return retryOnConflict(
      async () => {
        const row = known ?? (await rows.get(keys));
        known = undefined;
        if (row === undefined) return false;
        const trail = row.value.trail ?? [];
        if (trail.length === 0) return rows.delete(keys, row.version);
        const emptied = await this.replaceMovingOut(rows, withoutTrail(row.value), row.version, trail);
        return rows.delete(keys, emptied);
      },
      { attempts: UPDATE_ATTEMPTS },
    );
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

  /**
   * The one save path of answers and global scores: see saveAnswer. The first try reads nothing: it
   * writes conditionally on the row as read moments ago (`read`), or as this instance last read or
   * wrote it, or — knowing nothing — as absent (a first answer is a create). A wrong guess (the row
   * changed elsewhere, or this instance restarted) fails the condition and costs one read and a retry,
   * never a lost change; and the audit entry's "before" is always the version the write replaced,
   * whose trail the entry joins (see writeRow).
   */
  private saveResponse<T extends Answer | GlobalScoreAnswer>(
    rows: EntityTable<Stored<T>>,
    remembered: LRUCache<string, Versioned<Stored<T>>>,
    keys: EntityKeys,
    value: T,
    areaNumber: number,
    same: (stored: T, next: T) => boolean,
    respondentsQuery: EntityQuery,
    options: ResponseSaveOptions<T>,
  ): Promise<SaveOutcome<T>> {
    const id = rowId(keys);
    let firstTry = firstGuess(remembered.get(id), options.read);
    return retryOnConflict(
      async () => {
        const guess = firstTry ?? { stored: await rows.get(keys), fresh: true };
        firstTry = undefined;
        // Only a fresh read may decide there is nothing to write: a remembered row may have changed since.
        const stored =
          !guess.fresh && guess.stored && same(withoutTrail(guess.stored.value), value)
            ? await rows.get(keys)
            : guess.stored;
        const previous = stored && withoutTrail(stored.value);
        if (previous && same(previous, value)) return { outcome: "unchanged", previous };
        const audit = options.audit?.(previous);
        try {
          const written = await this.writeRow(
            rows,
            value,
            stored,
            audit && { ...audit.entry, entryId: audit.entryId, areaNumber },
          );
          remembered.set(id, written);
        } catch (error) {
          // Conflict, timeout or a lost response: what is stored is unknown, so it is read next time.
          remembered.delete(id);
          throw error;
        }
        this.respondents.get(respondentsId(respondentsQuery))?.who.add(value.respondent.aadObjectId);
        return previous ? { outcome: "updated", previous } : { outcome: "created" };
      },
      { attempts: UPDATE_ATTEMPTS },
    );
  }

  /**
   * One conditional single-entity write of `value` over `stored` (absent: a create), the stored
   * trail kept and `entry` added to it. A full trail (see extendTrail) moves out to "a" rows in one
   * transaction with the row's write, so nothing is lost and nothing half-written.
   */
  private async writeRow<T extends Answer | GlobalScoreAnswer>(
    rows: EntityTable<Stored<T>>,
    value: T,
    stored: Versioned<Stored<T>> | undefined,
    entry: StoredAnswerAudit | undefined,
  ): Promise<Versioned<Stored<T>>> {
    const trail = stored?.value.trail ?? [];
    const { trail: nextTrail, movedOut } = entry ? extendTrail(trail, entry) : { trail, movedOut: [] };
    const next = withTrail(value, nextTrail);
    if (stored === undefined) return rows.create(next);
    if (movedOut.length === 0) return rows.replace(next, stored.version);
    return { value: next, version: await this.replaceMovingOut(rows, next, stored.version, movedOut) };
  }

  /**
   * One transaction: `next` replaces the row (conditional on `version`) and `entries` become "a"
   * rows beside it, so entries leaving a trail are never lost or doubled. Resolves with the row's new version.
   */
  private async replaceMovingOut<T>(
    rows: EntityTable<Stored<T>>,
    next: Stored<T>,
    version: string,
    entries: readonly StoredAnswerAudit[],
  ): Promise<string> {
    const [written] = await rows.transact([
      rows.writeOf(next, version),
      ...entries.map((entry) => this.auditEntries.writeOf(entry)),
    ]);
    if (written === undefined) throw new Error("Azure Tables answered a transaction without the row's version");
    return written;
  }

  /** The member's own row (remembered, trail included, for their next save) with the count, read in parallel. */
  private async readOwn<T extends Answer | GlobalScoreAnswer>(
    rows: EntityTable<Stored<T>>,
    remembered: LRUCache<string, Versioned<Stored<T>>>,
    keys: EntityKeys,
    respondents: Promise<ReadonlySet<string>>,
  ): Promise<OwnResponse<T>> {
    const [own, who] = await Promise.all([rows.get(keys), respondents]);
    if (own) remembered.set(rowId(keys), own);
    return { answeredCount: who.size, own: own && { value: withoutTrail(own.value), version: own.version } };
  }

  private async knownRespondents<T>(table: EntityTable<T>, query: EntityQuery): Promise<ReadonlySet<string>> {
    const id = respondentsId(query);
    const known = this.respondents.get(id);
    const now = this.now().getTime();
    if (known && now - known.readAt < RESPONDENTS_REUSE_MS) return known.who;
    // Members answering the same statement at once share the read.
    return this.respondentReads.read(id, async () => {
      const who = new Set(await table.column(query, RESPONDENT_COLUMN));
      this.respondents.set(id, { who, readAt: now });
      return who;
    });
  }

  private forgetRemembered(): void {
    this.rememberedAnswers.clear();
    this.rememberedScores.clear();
    this.respondents.clear();
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
