import {
  globalScoreDecisionSchema,
  moderationDecisionSchema,
  type GlobalScoreDecision,
  type ModerationDecision,
} from "../../assessment/moderation/moderationDecision";
import { statementRoundSchema, type StatementRound } from "../../assessment/rounds/statementRound";
import type { EntityKeys, EntityMapping } from "../entityMapping";
import { composeKey, keyPrefixRange, padNumber } from "../tableKeys";
import { sortableInstant, storedAuditEntrySchema, type StoredAuditEntry } from "./auditMapping";

/**
 * Table Moderation: PartitionKey = assessment id (a few hundred rows at most).
 *   statement decisions:    RowKey = composeKey("s", statementId)
 *   global score decisions: RowKey = composeKey("g", zero-padded area number)
 *   statements sent back:   RowKey = composeKey("r", statementId)
 *   decisions' audit entries: RowKey = composeKey("a", instant, entryId) — beside the decisions, so a
 *     decision and its entry are written in one transaction (listed by AuditRepository with the others)
 */
export function moderationPartition(assessmentId: string): string {
  return composeKey(assessmentId);
}

const DECISION_ROWS = "s";
const GLOBAL_DECISION_ROWS = "g";
const ROUND_ROWS = "r";
const DECISION_AUDIT_ROWS = "a";

export const decisionRows = () => keyPrefixRange(DECISION_ROWS);
export const globalDecisionRows = () => keyPrefixRange(GLOBAL_DECISION_ROWS);
export const roundRows = () => keyPrefixRange(ROUND_ROWS);
export const decisionAuditRows = () => keyPrefixRange(DECISION_AUDIT_ROWS);

export function roundKeys(assessmentId: string, statementId: string): EntityKeys {
  return { partitionKey: moderationPartition(assessmentId), rowKey: composeKey(ROUND_ROWS, statementId) };
}

export function decisionKeys(assessmentId: string, statementId: string): EntityKeys {
  return { partitionKey: moderationPartition(assessmentId), rowKey: composeKey(DECISION_ROWS, statementId) };
}

export function globalDecisionKeys(assessmentId: string, areaNumber: number): EntityKeys {
  return {
    partitionKey: moderationPartition(assessmentId),
    rowKey: composeKey(GLOBAL_DECISION_ROWS, padNumber(areaNumber)),
  };
}

export const decisionMapping: EntityMapping<ModerationDecision> = {
  schema: moderationDecisionSchema,
  jsonProperties: ["decidedBy"],
  keysOf: (decision) => decisionKeys(decision.assessmentId, decision.statementId),
};

export const globalDecisionMapping: EntityMapping<GlobalScoreDecision> = {
  schema: globalScoreDecisionSchema,
  jsonProperties: ["decidedBy"],
  keysOf: (decision) => globalDecisionKeys(decision.assessmentId, decision.areaNumber),
};

export const roundMapping: EntityMapping<StatementRound> = {
  schema: statementRoundSchema,
  jsonProperties: ["startedBy"],
  keysOf: (round) => roundKeys(round.assessmentId, round.statementId),
};

export const decisionAuditMapping: EntityMapping<StoredAuditEntry> = {
  schema: storedAuditEntrySchema,
  jsonProperties: [],
  keysOf: (entry) => ({
    partitionKey: moderationPartition(entry.assessmentId),
    rowKey: composeKey(DECISION_AUDIT_ROWS, sortableInstant(entry.at), entry.entryId),
  }),
};
