import type { TableClient } from "@azure/data-tables";
import type { WriteRecorder } from "../writeRecorder";
import { mappingCodec } from "../entityMapping";
import { EntityTable } from "../entityTable";
import { conversationKeys, conversationMapping, type ConversationRecord } from "../mappings/conversationMapping";
import type { StoredConversationReference } from "../records/storedConversationReference";

/**
 * Where to send proactive messages: a user's 1:1 chat or a channel.
 * Table Conversations: PartitionKey "user" (RowKey = encoded AAD object id) or "channel"
 * (RowKey = encoded channel id); the reference is JSON. Last write wins: Teams' latest reference is the right one.
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

  async saveChannel(channelId: string, reference: StoredConversationReference): Promise<void> {
    await this.table.upsert({ scope: "channel", ownerId: channelId, reference });
  }

  async getChannel(channelId: string): Promise<StoredConversationReference | undefined> {
    return (await this.table.get(conversationKeys("channel", channelId)))?.value.reference;
  }
}
