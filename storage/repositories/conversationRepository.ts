import type { TableClient } from "@azure/data-tables";
import type { WriteRecorder } from "../writeRecorder";
import { mappingCodec } from "../entityMapping";
import { EntityTable } from "../entityTable";
import { conversationKeys, conversationMapping, type ConversationRecord } from "../mappings/conversationMapping";
import type { StoredConversationReference } from "../records/storedConversationReference";

/**
 * Where to send proactive messages to a user: their 1:1 chat with the bot (a channel's address is kept
 * on its assignment). Table Conversations: PartitionKey "user", RowKey = encoded AAD object id; the
 * reference is JSON. Last write wins: Teams' latest reference is the right one.
 */
export class ConversationRepository {
  private readonly table: EntityTable<ConversationRecord>;

  constructor(client: TableClient, recorder?: WriteRecorder) {
    this.table = new EntityTable(client, mappingCodec(conversationMapping), recorder);
  }

  async saveUser(aadObjectId: string, reference: StoredConversationReference): Promise<void> {
    await this.table.upsert({ scope: "user", ownerId: aadObjectId, reference });
  }

  async getUser(aadObjectId: string): Promise<StoredConversationReference | undefined> {
    return (await this.table.get(conversationKeys("user", aadObjectId)))?.value.reference;
  }

  /** Forgets where a user can be reached (forget); true when there was a reference. */
  deleteUser(aadObjectId: string): Promise<boolean> {
    return this.table.delete(conversationKeys("user", aadObjectId));
  }
}
