import { actionItemSchema, type ActionItem } from "../../assessment/actionPlan/actionItem";
import type { EntityKeys, EntityMapping } from "../entityMapping";
import { composeKey, keyPrefixRange } from "../tableKeys";
import { sortableInstant, storedAuditEntrySchema, type StoredAuditEntry } from "./auditMapping";

/**
 * Table ActionPlan: PartitionKey = assessment id (one row per action at most: ~100, and their audit entries).
 *   actions:                 RowKey = composeKey(statementId), e.g. "7b"
 *   actions' audit entries:  RowKey = composeKey("a", instant, entryId) — beside the actions, so a change
 *     and its entry are written in one transaction (listed by AuditRepository with the others)
 */
export function actionItemPartition(assessmentId: string): string {
  return composeKey(assessmentId);
}

export function actionItemKeys(assessmentId: string, statementId: string): EntityKeys {
  return { partitionKey: actionItemPartition(assessmentId), rowKey: composeKey(statementId) };
}

/**
 * The actions' rows. A statement id is an area number and a letter (statementIdSchema), so its row key
 * starts with a digit, kept as it is by the key encoding; ":" follows "9", and the audit rows ("a|…") sort after.
 */
export const actionItemRows = () => ({ from: "0", to: ":" });

const ACTION_ITEM_AUDIT_ROWS = "a";
export const actionItemAuditRows = () => keyPrefixRange(ACTION_ITEM_AUDIT_ROWS);

export const actionItemMapping: EntityMapping<ActionItem> = {
  schema: actionItemSchema,
  jsonProperties: ["owner"],
  keysOf: (item) => actionItemKeys(item.assessmentId, item.statementId),
};

export const actionItemAuditMapping: EntityMapping<StoredAuditEntry> = {
  schema: storedAuditEntrySchema,
  jsonProperties: [],
  keysOf: (entry) => ({
    partitionKey: actionItemPartition(entry.assessmentId),
    rowKey: composeKey(ACTION_ITEM_AUDIT_ROWS, sortableInstant(entry.at), entry.entryId),
  }),
};
