import { actionItemSchema, type ActionItem } from "../../assessment/actionPlan/actionItem";
import type { EntityKeys, EntityMapping } from "../entityMapping";
import { composeKey } from "../tableKeys";

/** Table ActionPlan: PartitionKey = assessment id (one row per action at most: ~100), RowKey = statement id. */
export function actionItemPartition(assessmentId: string): string {
  return composeKey(assessmentId);
}

export function actionItemKeys(assessmentId: string, statementId: string): EntityKeys {
  return { partitionKey: actionItemPartition(assessmentId), rowKey: composeKey(statementId) };
}

export const actionItemMapping: EntityMapping<ActionItem> = {
  schema: actionItemSchema,
  jsonProperties: ["owner"],
  keysOf: (item) => actionItemKeys(item.assessmentId, item.statementId),
};
