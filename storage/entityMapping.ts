import type { z } from "zod";
import type { EntityToWrite, EntityValue } from "./entityLimits";
import { InvalidEntityError, StoredEntityInvalidError, type EntityLocation } from "./storageErrors";

export interface EntityKeys {
  partitionKey: string;
  rowKey: string;
}

/** Turns one type into entities and back; what EntityTable needs. Most types use mappingCodec. */
export interface EntityCodec<T> {
  keysOf(value: T): EntityKeys;
  toEntity(value: T): EntityToWrite;
  /** Throws StoredEntityInvalidError naming `location` when the entity is not a valid T. */
  fromEntity(location: EntityLocation, entity: Readonly<Record<string, unknown>>): T;
}

/**
 * How one domain type is laid out in a table. Scalars become properties of the same name, objects
 * and arrays become JSON strings (Azure properties are flat), and everything read back is parsed
 * with the domain's zod schema, so a hand-edited or outdated entity fails loudly instead of
 * flowing into a compiled result.
 */
export interface EntityMapping<T extends object> {
  readonly schema: z.ZodType<T>;
  /** Properties holding objects or arrays; stored as JSON strings. */
  readonly jsonProperties: readonly (keyof T & string)[];
  keysOf(value: T): EntityKeys;
  /** Flat copies of values inside JSON properties, written so OData filters can reach them; ignored on read. */
  readonly indexColumns?: Readonly<Record<string, (value: T) => string>>;
}

/** Added by the service or the SDK; never part of a domain value. */
const SYSTEM_PROPERTIES = new Set(["partitionKey", "rowKey", "etag", "timestamp", "odata.etag", "odata.metadata"]);

function toScalar(name: string, value: unknown): EntityValue {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  throw new TypeError(`Property "${name}" is not a string, number or boolean: list it in jsonProperties`);
}

export function toEntity<T extends object>(mapping: EntityMapping<T>, value: T): EntityToWrite {
  // Checked on the way in as well as on the way out: a value that could not be read back must never
  // be written (fuzzing once got a 129-character id into an assignment, breaking every later read).
  const checked = mapping.schema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new InvalidEntityError(issue?.path.join(".") ?? "", issue?.message ?? "does not match its schema");
  }
  const entity: EntityToWrite = { ...mapping.keysOf(value) };
  for (const [name, property] of Object.entries(value as Record<string, unknown>)) {
    if (property === undefined) continue;
    const isJson = (mapping.jsonProperties as readonly string[]).includes(name);
    entity[name] = isJson ? JSON.stringify(property) : toScalar(name, property);
  }
  for (const [column, derive] of Object.entries(mapping.indexColumns ?? {})) entity[column] = derive(value);
  return entity;
}

function parseJsonProperty(stored: unknown, location: EntityLocation, name: string): unknown {
  if (typeof stored !== "string") throw new StoredEntityInvalidError(location, name, "expected a JSON string");
  try {
    return JSON.parse(stored);
  } catch {
    throw new StoredEntityInvalidError(location, name, "not valid JSON");
  }
}

/** Rebuilds and validates a domain value; the error names the table, keys and failing path. */
export function fromEntity<T extends object>(
  mapping: EntityMapping<T>,
  location: EntityLocation,
  entity: Readonly<Record<string, unknown>>,
): T {
  const candidate: Record<string, unknown> = {};
  for (const [name, stored] of Object.entries(entity)) {
    if (SYSTEM_PROPERTIES.has(name) || Object.hasOwn(mapping.indexColumns ?? {}, name)) continue;
    const isJson = (mapping.jsonProperties as readonly string[]).includes(name);
    candidate[name] = isJson ? parseJsonProperty(stored, location, name) : stored;
  }
  const parsed = mapping.schema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const [first] = parsed.error.issues;
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : "";
  throw new StoredEntityInvalidError(
    location,
    first?.path.map(String).join(".") ?? "",
    `${first?.message ?? "invalid"}${more}`,
  );
}

/** The codec for a type laid out flat by an EntityMapping. */
export function mappingCodec<T extends object>(mapping: EntityMapping<T>): EntityCodec<T> {
  return {
    keysOf: (value) => mapping.keysOf(value),
    toEntity: (value) => toEntity(mapping, value),
    fromEntity: (location, entity) => fromEntity(mapping, location, entity),
  };
}
