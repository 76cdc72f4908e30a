import type { EntityMapping } from "../entityMapping";
import { composeKey, keyPrefixRange } from "../tableKeys";
import { sortableInstant, storedAnswerAuditSchema, type StoredAnswerAudit } from "./auditMapping";
import { responsePartition } from "./responseMappings";

/**
 * Answers' audit entries that left their row's trail (see responseMappings: a full trail moved out
 * in the transaction that starts the next one, a deleted row's trail moved out in the transaction
 * that deletes it) and entries written before trails existed. They live beside the answers —
 * Responses table, the area's partition, RowKey = composeKey("a", instant, entryId) — so they move
 * in one transaction with the row. AuditRepository lists them with the trails and the other entries.
 * (Answers are "s" rows and global scores "g" rows of the same partitions.)
 */
const ANSWER_AUDIT_ROWS = "a";

export const answerAuditRows = () => keyPrefixRange(ANSWER_AUDIT_ROWS);

export const answerAuditMapping: EntityMapping<StoredAnswerAudit> = {
  schema: storedAnswerAuditSchema,
  jsonProperties: [],
  keysOf: (entry) => ({
    partitionKey: responsePartition(entry.assessmentId, entry.areaNumber),
    rowKey: composeKey(ANSWER_AUDIT_ROWS, sortableInstant(entry.at), entry.entryId),
  }),
};
