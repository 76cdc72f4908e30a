import { z } from "zod";
import { auditEntrySchema } from "../../assessment/audit/auditEntry";
import type { EntityMapping } from "../entityMapping";
import { assertKeyFits, composeKey, encodeKeyPart } from "../tableKeys";

/**
 * Table Audit: PartitionKey = assessment id; RowKey = the entry's instant in one ISO format (so
 * rows sort by time) + "-" + a random entryId (so two entries in the same millisecond never collide).
 */
export const storedAuditEntrySchema = auditEntrySchema.extend({ entryId: z.string().regex(/^[0-9a-f]{8,32}$/) });
export type StoredAuditEntry = z.infer<typeof storedAuditEntrySchema>;

/** An entry about a member's answer or global score, kept in the Responses table: its area names the partition. */
export const storedAnswerAuditSchema = storedAuditEntrySchema.extend({ areaNumber: z.number().int().min(1).max(99) });
export type StoredAnswerAudit = z.infer<typeof storedAnswerAuditSchema>;

export function auditPartition(assessmentId: string): string {
  return composeKey(assessmentId);
}

/** One ISO format, so row keys sort by time. */
export function sortableInstant(at: string): string {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Audit entry time "${at}" is not an ISO instant`);
  return instant.toISOString();
}

export const auditMapping: EntityMapping<StoredAuditEntry> = {
  schema: storedAuditEntrySchema,
  jsonProperties: [],
  keysOf: (entry) => ({
    partitionKey: auditPartition(entry.assessmentId),
    rowKey: assertKeyFits(`${encodeKeyPart(sortableInstant(entry.at))}-${entry.entryId}`),
  }),
};
