import {
  answerSchema,
  globalScoreAnswerSchema,
  type Answer,
  type GlobalScoreAnswer,
} from "../../assessment/answers/answer";
import { z } from "zod";
import { MAX_STRING_PROPERTY_CHARS } from "../entityLimits";
import type { EntityKeys, EntityMapping } from "../entityMapping";
import { composeKey, keyPrefixRange, padNumber } from "../tableKeys";
import { storedAnswerAuditSchema, type StoredAnswerAudit } from "./auditMapping";

/**
 * Table Responses. One partition per (assessment, area), so a working group's answers are one
 * partition and compiling an assessment is one query per area, run in parallel.
 *   answers:       RowKey = composeKey("s", statementId, aadObjectId)
 *   global scores: RowKey = composeKey("g", aadObjectId)
 * Each answer and global-score row carries its own audit trail (`trail`, see storedAnswerMapping).
 */
export function responsePartition(assessmentId: string, areaNumber: number): string {
  return composeKey(assessmentId, padNumber(areaNumber));
}

const ANSWER_ROWS = "s";
const GLOBAL_SCORE_ROWS = "g";

export const answerRows = () => keyPrefixRange(ANSWER_ROWS);
export const globalScoreRows = () => keyPrefixRange(GLOBAL_SCORE_ROWS);
/** Every answer to one statement: a row-key range inside the area's partition. */
export const statementAnswerRows = (statementId: string) => keyPrefixRange(ANSWER_ROWS, statementId);

/** `respondent` is stored as JSON; this flat copy lets a query find one person's rows (export, forget). */
export const RESPONDENT_COLUMN = "respondentAadObjectId";

export function answerKeys(
  assessmentId: string,
  areaNumber: number,
  statementId: string,
  aadObjectId: string,
): EntityKeys {
  return {
    partitionKey: responsePartition(assessmentId, areaNumber),
    rowKey: composeKey(ANSWER_ROWS, statementId, aadObjectId),
  };
}

export function globalScoreKeys(assessmentId: string, areaNumber: number, aadObjectId: string): EntityKeys {
  return {
    partitionKey: responsePartition(assessmentId, areaNumber),
    rowKey: composeKey(GLOBAL_SCORE_ROWS, aadObjectId),
  };
}

export const answerMapping: EntityMapping<Answer> = {
  schema: answerSchema,
  jsonProperties: ["respondent", "earlierRounds"],
  keysOf: (answer) =>
    answerKeys(answer.assessmentId, answer.areaNumber, answer.statementId, answer.respondent.aadObjectId),
  indexColumns: { [RESPONDENT_COLUMN]: (answer) => answer.respondent.aadObjectId },
};

export const globalScoreMapping: EntityMapping<GlobalScoreAnswer> = {
  schema: globalScoreAnswerSchema,
  jsonProperties: ["respondent"],
  keysOf: (score) => globalScoreKeys(score.assessmentId, score.areaNumber, score.respondent.aadObjectId),
  indexColumns: { [RESPONDENT_COLUMN]: (score) => score.respondent.aadObjectId },
};

/**
 * The most audit entries one row's trail holds. Every save sends the whole row, trail included, so
 * the trail bounds what a save costs: 20 entries of a few hundred characters (~6,000) are no more
 * than an answer's own longest texts (4,000 + 2,000 characters). A save finding the trail full
 * moves it out as "a" rows (answerAuditMapping) in one transaction of 21 operations (Azure allows
 * 100), once per 20 changes of one member's answer. 20 typical entries use a fifth of a string
 * property's 32K characters; a trail that would outgrow that (very long ids) moves out early.
 */
export const TRAIL_MAX = 20;

/** The row's trail with `entry` added, and the entries to move out to "a" rows in the same write (none mostly). */
export function extendTrail(
  trail: readonly StoredAnswerAudit[],
  entry: StoredAnswerAudit,
): { trail: StoredAnswerAudit[]; movedOut: StoredAnswerAudit[] } {
  const extended = [...trail, entry];
  if (trail.length < TRAIL_MAX && JSON.stringify(extended).length <= MAX_STRING_PROPERTY_CHARS)
    return { trail: extended, movedOut: [] };
  return { trail: [entry], movedOut: [...trail] };
}

/**
 * The stored rows: the domain value plus `trail`, the audit entries of the row's changes, oldest
 * first (StoredAnswerAudit, as "a" rows hold them). The trail is written with the answer in the
 * same single-entity write, so no crash keeps one without the other; it never leaves
 * ResponseRepository (AuditRepository lists it).
 */
const trailShape = { trail: z.array(storedAnswerAuditSchema).optional() };
export const storedAnswerSchema = answerSchema.extend(trailShape);
export type StoredAnswer = z.infer<typeof storedAnswerSchema>;
export const storedGlobalScoreSchema = globalScoreAnswerSchema.extend(trailShape);
export type StoredGlobalScore = z.infer<typeof storedGlobalScoreSchema>;

export const storedAnswerMapping: EntityMapping<StoredAnswer> = {
  ...answerMapping,
  schema: storedAnswerSchema,
  jsonProperties: [...answerMapping.jsonProperties, "trail"],
};

export const storedGlobalScoreMapping: EntityMapping<StoredGlobalScore> = {
  ...globalScoreMapping,
  schema: storedGlobalScoreSchema,
  jsonProperties: [...globalScoreMapping.jsonProperties, "trail"],
};
