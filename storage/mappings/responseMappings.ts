import {
  answerSchema,
  globalScoreAnswerSchema,
  type Answer,
  type GlobalScoreAnswer,
} from "../../assessment/answers/answer";
import type { EntityKeys, EntityMapping } from "../entityMapping";
import { composeKey, keyPrefixRange, padNumber } from "../tableKeys";

/**
 * Table Responses. One partition per (assessment, area), so a working group's answers are one
 * partition and compiling an assessment is one query per area, run in parallel.
 *   answers:       RowKey = composeKey("s", statementId, aadObjectId)
 *   global scores: RowKey = composeKey("g", aadObjectId)
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
