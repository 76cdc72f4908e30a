import { z } from "zod";
import type { EntityMapping } from "../entityMapping";
import { composeKey, keyPrefixRange } from "../tableKeys";
import { sortableInstant, storedAuditEntrySchema } from "./auditMapping";
import { responsePartition } from "./responseMappings";

/**
 * An answer's audit entries live beside the answer — Responses table, the area's partition,
 * RowKey = composeKey("a", instant, entryId) — so an answer and its entry are written in one
 * transaction: no crash or outage keeps one without the other. AuditRepository lists them with the
 * other entries. (Answers are "s" rows and global scores "g" rows of the same partitions.)
 */
export const storedAnswerAuditSchema = storedAuditEntrySchema.extend({ areaNumber: z.number().int().min(1).max(99) });
export type StoredAnswerAudit = z.infer<typeof storedAnswerAuditSchema>;

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
