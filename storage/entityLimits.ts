import { MAX_KEY_BYTES } from "./tableKeys";
import { StorageLimitError } from "./storageErrors";

/** Azure Tables limits (learn.microsoft.com, "Understanding the Table service data model"). */
export const ENTITY_LIMITS = {
  maxStringPropertyBytes: 64 * 1024,
  maxEntityBytes: 1024 * 1024,
  /** 255 including the system properties PartitionKey, RowKey and Timestamp. */
  maxProperties: 255,
  systemProperties: 3,
} as const;

/** The longest string (in UTF-16 code units) one property can hold. */
export const MAX_STRING_PROPERTY_CHARS = ENTITY_LIMITS.maxStringPropertyBytes / 2;

export type EntityValue = string | number | boolean;

export interface EntityToWrite {
  partitionKey: string;
  rowKey: string;
  [property: string]: EntityValue;
}

const KEY_PROPERTIES = new Set(["partitionKey", "rowKey"]);

/** Sizeof(type) in Azure's formula: strings 4 + 2 per code unit; Int32 4; Double 8; Boolean 1. */
function valueBytes(value: EntityValue): number {
  if (typeof value === "string") return 4 + value.length * 2;
  if (typeof value === "boolean") return 1;
  return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? 4 : 8;
}

/**
 * Refuses an entity Azure would reject, before sending it, with an error that names the table, the
 * property and the sizes (Azure's own 400 names neither). Approximates Azure's entity size formula:
 * 4 + 2 × len(PK + RK) + Σ (8 + 2 × len(name) + sizeof(value)).
 */
export function checkEntityLimits(table: string, entity: EntityToWrite): void {
  for (const [name, key] of [
    ["PartitionKey", entity.partitionKey],
    ["RowKey", entity.rowKey],
  ] as const) {
    const bytes = key.length * 2;
    if (bytes > MAX_KEY_BYTES) throw new StorageLimitError(`${name} of an entity for ${table}`, bytes, MAX_KEY_BYTES);
  }
  const properties = Object.entries(entity).filter(([name]) => !KEY_PROPERTIES.has(name));
  const propertyCount = properties.length + ENTITY_LIMITS.systemProperties;
  if (propertyCount > ENTITY_LIMITS.maxProperties) {
    throw new StorageLimitError(`An entity for ${table}`, propertyCount, ENTITY_LIMITS.maxProperties, "properties");
  }
  let entityBytes = 4 + (entity.partitionKey.length + entity.rowKey.length) * 2;
  for (const [name, value] of properties) {
    if (typeof value === "string" && value.length * 2 > ENTITY_LIMITS.maxStringPropertyBytes) {
      throw new StorageLimitError(
        `Property "${name}" of an entity for ${table}`,
        value.length * 2,
        ENTITY_LIMITS.maxStringPropertyBytes,
      );
    }
    entityBytes += 8 + name.length * 2 + valueBytes(value);
  }
  if (entityBytes > ENTITY_LIMITS.maxEntityBytes) {
    throw new StorageLimitError(
      `An entity for ${table} (all properties together)`,
      entityBytes,
      ENTITY_LIMITS.maxEntityBytes,
    );
  }
}
