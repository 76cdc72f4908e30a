/**
 * What can go wrong when storing or loading, in terms a caller can act on. The bot tells the user
 * "not saved, try again" for StorageUnavailableError, re-reads for ConcurrencyConflictError (see
 * retryOnConflict) and reports a bug for the other two: they mean our own code built something
 * Azure Tables cannot hold, or something unreadable is in the table.
 */
export abstract class StorageError extends Error {}

/** Where an entity lives, for messages that let an operator find it in Storage Explorer. */
export interface EntityLocation {
  table: string;
  partitionKey?: string;
  rowKey?: string;
}

function describe(location: EntityLocation): string {
  const keys = [location.partitionKey, location.rowKey].filter((key) => key !== undefined);
  return keys.length > 0 ? `${location.table} (${keys.map((key) => JSON.stringify(key)).join(", ")})` : location.table;
}

/** A key, property or whole entity is over an Azure Tables limit; nothing was written. */
export class StorageLimitError extends StorageError {
  override readonly name = "StorageLimitError";

  constructor(
    readonly what: string,
    readonly actual: number,
    readonly limit: number,
    readonly unit: "bytes" | "properties" = "bytes",
  ) {
    super(`${what} is ${actual} ${unit}; Azure Tables allows at most ${limit}. Nothing was written.`);
  }
}

/** Someone else changed (or created, or deleted) the entity since we read it. Re-read and try again. */
export class ConcurrencyConflictError extends StorageError {
  override readonly name = "ConcurrencyConflictError";

  constructor(
    readonly location: EntityLocation,
    readonly statusCode: number | undefined,
  ) {
    super(`${describe(location)} was changed by someone else (HTTP ${statusCode ?? "?"}); re-read it and try again.`);
  }
}

/** The store could not be reached in time; the change was probably not saved. */
export class StorageUnavailableError extends StorageError {
  override readonly name = "StorageUnavailableError";

  constructor(
    readonly location: EntityLocation,
    readonly causeDescription: string,
    options?: { cause?: unknown },
  ) {
    super(`Table storage is unavailable (${describe(location)}): ${causeDescription}`, options);
  }
}

/** An entity read back does not match its schema: written by older code or edited by hand. */
export class StoredEntityInvalidError extends StorageError {
  override readonly name = "StoredEntityInvalidError";

  constructor(
    readonly location: EntityLocation,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`Stored entity ${describe(location)} is invalid at "${path}": ${problem}`);
  }
}

/** A value about to be written does not match its schema: a bug upstream, refused before any write. */
export class InvalidEntityError extends StorageError {
  override readonly name = "InvalidEntityError";

  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`Refused to write an entity that is invalid at "${path}": ${problem}`);
  }
}
