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
const MAX_STATE_PARTS = 15;
const STATE_ROW = "state";

export function stateKeys(key: string): EntityKeys {
  const encoded = encodeKeyPart(key);
  const partitionKey =
    encoded.length * 2 <= MAX_KEY_BYTES ? encoded : `~sha256-${createHash("sha256").update(key).digest("hex")}`;
  return { partitionKey, rowKey: STATE_ROW };
}

/**
 * Cuts text into pieces of at most `size` UTF-16 units, never between the two halves of a
 * surrogate pair (an emoji), which would leave each property holding invalid UTF-16.
 */
export function splitIntoParts(text: string, size: number): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length || parts.length === 0) {
    let end = Math.min(start + size, text.length);
    if (end < text.length && end - 1 > start && /[\ud800-\udbff]/.test(text.charAt(end - 1))) end -= 1;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

function toStateEntity(record: StateRecord): EntityToWrite {
  const json = JSON.stringify(record.item);
  const parts = splitIntoParts(json, MAX_STRING_PROPERTY_CHARS);
  if (parts.length > MAX_STATE_PARTS) {
    throw new StorageLimitError(
      `Bot state "${record.key}"`,
      json.length * 2,
      MAX_STATE_PARTS * MAX_STRING_PROPERTY_CHARS * 2,
    );
  }
  const entity: EntityToWrite = { ...stateKeys(record.key), key: record.key, parts: parts.length };
  parts.forEach((data, index) => (entity[`data${index}`] = data));
  return entity;
}

const storedStateSchema = z
  .object({ key: z.string(), parts: z.number().int().min(1).max(MAX_STATE_PARTS) })
  .catchall(z.unknown());

function fromStateEntity(location: EntityLocation, entity: Readonly<Record<string, unknown>>): StateRecord {
  const header = storedStateSchema.safeParse(entity);
  if (!header.success)
    throw new StoredEntityInvalidError(
      location,
      header.error.issues[0]?.path.map(String).join(".") ?? "",
      "not a bot state entity",
    );
  let json = "";
  for (let part = 0; part < header.data.parts; part++) {
    const chunk = entity[`data${part}`];
    if (typeof chunk !== "string")
      throw new StoredEntityInvalidError(location, `data${part}`, "missing part of the state");
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
