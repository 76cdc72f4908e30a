import { createHash } from "node:crypto";
import { z } from "zod";
import { MAX_STRING_PROPERTY_CHARS, type EntityToWrite } from "./entityLimits";
import type { EntityCodec, EntityKeys } from "./entityMapping";
import { StorageLimitError, StoredEntityInvalidError, type EntityLocation } from "./storageErrors";
import { MAX_KEY_BYTES, encodeKeyPart } from "./tableKeys";

/** One bot state item (botbuilder StoreItem without its eTag) under its botbuilder key. */
export interface StateRecord {
  key: string;
  item: Record<string, unknown>;
}

/**
 * Layout in table BotState: PartitionKey = the encoded key (each item its own partition; nothing
 * queries across items) or, when that is over 1 KiB, "~sha256-" + its hash (the encoding never
 * produces "~s", so the two cannot meet); RowKey "state". The original key is kept in `key`.
 * The item's JSON is split over data0…data14 so state up to ~960 KiB fits without truncation.
 */
export const MAX_STATE_PARTS = 15;
const STATE_ROW = "state";

export function stateKeys(key: string): EntityKeys {
  const encoded = encodeKeyPart(key);
  const partitionKey = encoded.length * 2 <= MAX_KEY_BYTES ? encoded : `~sha256-${createHash("sha256").update(key).digest("hex")}`;
  return { partitionKey, rowKey: STATE_ROW };
}

function toStateEntity(record: StateRecord): EntityToWrite {
  const json = JSON.stringify(record.item);
  const parts = Math.max(1, Math.ceil(json.length / MAX_STRING_PROPERTY_CHARS));
  if (parts > MAX_STATE_PARTS) {
    throw new StorageLimitError(`Bot state "${record.key}"`, json.length * 2, MAX_STATE_PARTS * MAX_STRING_PROPERTY_CHARS * 2);
  }
  const entity: EntityToWrite = { ...stateKeys(record.key), key: record.key, parts };
  for (let part = 0; part < parts; part++) {
    entity[`data${part}`] = json.slice(part * MAX_STRING_PROPERTY_CHARS, (part + 1) * MAX_STRING_PROPERTY_CHARS);
  }
  return entity;
}

const storedStateSchema = z
  .object({ key: z.string(), parts: z.number().int().min(1).max(MAX_STATE_PARTS) })
  .catchall(z.unknown());

function fromStateEntity(location: EntityLocation, entity: Readonly<Record<string, unknown>>): StateRecord {
  const header = storedStateSchema.safeParse(entity);
  if (!header.success) throw new StoredEntityInvalidError(location, header.error.issues[0]?.path.map(String).join(".") ?? "", "not a bot state entity");
  let json = "";
  for (let part = 0; part < header.data.parts; part++) {
    const chunk = entity[`data${part}`];
    if (typeof chunk !== "string") throw new StoredEntityInvalidError(location, `data${part}`, "missing part of the state");
    json += chunk;
  }
  return { key: header.data.key, item: parseStateJson(location, json) };
}

function parseStateJson(location: EntityLocation, json: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new StoredEntityInvalidError(location, "data0", "state is not valid JSON");
  }
  const item = z.record(z.string(), z.unknown()).safeParse(parsed);
  if (!item.success) throw new StoredEntityInvalidError(location, "data0", "state is not a JSON object");
  return item.data;
}

export const stateCodec: EntityCodec<StateRecord> = {
  keysOf: (record) => stateKeys(record.key),
  toEntity: toStateEntity,
  fromEntity: fromStateEntity,
};
