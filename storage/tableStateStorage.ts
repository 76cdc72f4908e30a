import type { TableClient } from "@azure/data-tables";
import type { WriteRecorder } from "./writeRecorder";
import type { Storage, StoreItems } from "botbuilder";
import { EntityTable } from "./entityTable";
import { stateCodec, stateKeys, type StateRecord } from "./stateCodec";
import { StoredEntityInvalidError } from "./storageErrors";

/**
 * botbuilder's Storage (conversation and user state) over the BotState table, with the eTag rules
 * of botbuilder's Cosmos DB storage: items read carry `eTag`; a write with eTag "*" or none
 * overwrites, any other eTag must still match (else ConcurrencyConflictError); deleting a missing
 * key is fine. Layout: see stateCodec.
 */
export class TableStateStorage implements Storage {
  private readonly table: EntityTable<StateRecord>;
  private readonly tableName: string;

  constructor(client: TableClient, recorder?: WriteRecorder) {
    this.table = new EntityTable(client, stateCodec, recorder);
    this.tableName = client.tableName;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const found = await Promise.all(keys.map(async (key) => [key, await this.readOne(key)] as const));
    const items: StoreItems = {};
    for (const [key, item] of found) if (item !== undefined) items[key] = item;
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(([key, item]: [string, Record<string, unknown>]) => this.writeOne(key, item)),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.table.delete(stateKeys(key))));
  }

  private async readOne(key: string): Promise<Record<string, unknown> | undefined> {
    const stored = await this.table.get(stateKeys(key));
    if (stored === undefined) return undefined;
    // Only a hashed (over-long) key could ever be shared; refuse rather than hand over another key's state.
    if (stored.value.key !== key)
      throw new StoredEntityInvalidError(
        { table: this.tableName, ...stateKeys(key) },
        "key",
        "holds the state of another key",
      );
    return { ...stored.value.item, eTag: stored.version };
  }

  private async writeOne(key: string, item: Record<string, unknown>): Promise<void> {
    const { eTag, ...state } = item;
    const record: StateRecord = { key, item: state };
    if (typeof eTag === "string" && eTag !== "*") await this.table.replace(record, eTag);
    else await this.table.upsert(record);
  }
}
