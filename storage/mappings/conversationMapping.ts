import { z } from "zod";
import type { EntityKeys, EntityMapping } from "../entityMapping";
import { storedConversationReferenceSchema } from "../records/storedConversationReference";
import { composeKey } from "../tableKeys";

/** Table Conversations: PartitionKey "user" (RowKey = AAD object id); channels' addresses live on their assignments. */
export const conversationRecordSchema = z.object({
  scope: z.literal("user"),
  ownerId: z.string().min(1),
  reference: storedConversationReferenceSchema,
});
export type ConversationRecord = z.infer<typeof conversationRecordSchema>;

export function conversationKeys(scope: ConversationRecord["scope"], ownerId: string): EntityKeys {
  return { partitionKey: scope, rowKey: composeKey(ownerId) };
}

export const conversationMapping: EntityMapping<ConversationRecord> = {
  schema: conversationRecordSchema,
  jsonProperties: ["reference"],
  keysOf: (record) => conversationKeys(record.scope, record.ownerId),
};
