import { RestError } from "@azure/data-tables";
import { ConcurrencyConflictError, StorageError, StorageUnavailableError, type EntityLocation } from "./storageErrors";

export interface FailedCall extends EntityLocation {
  /** A write conditioned on a version (If-Match) or on absence (create). */
  conditional: boolean;
}

/** 412: the version no longer matches; 409: it exists already; 404: it was deleted meanwhile. */
function isConflict(error: RestError): boolean {
  return error.statusCode === 412 || error.statusCode === 409 || error.statusCode === 404;
}

/** No response at all (socket errors such as ECONNREFUSED), or the service itself failing. */
function isUnavailable(error: RestError): boolean {
  const status = error.statusCode;
  return status === undefined || status >= 500 || status === 408;
}

/**
 * Maps what the SDK throws to our StorageError hierarchy, so callers never see RestError or status
 * codes. Anything unrecognised is returned as it is: it is a bug to surface, not a condition to handle.
 */
export function translateStorageError(error: unknown, call: FailedCall): unknown {
  if (error instanceof StorageError) return error;
  const location: EntityLocation = { table: call.table, partitionKey: call.partitionKey, rowKey: call.rowKey };
  // The SDK aborts a request that exceeds its timeout with an AbortError (not a RestError).
  if (error instanceof Error && error.name === "AbortError") {
    return new StorageUnavailableError(location, "the request timed out", { cause: error });
  }
  if (!(error instanceof RestError)) return error;
  if (error.code === "TableNotFound") return new StorageUnavailableError(location, "the table does not exist; ensureTables() creates it", { cause: error });
  if (call.conditional && isConflict(error)) return new ConcurrencyConflictError(location, error.statusCode);
  if (isUnavailable(error)) {
    const reason = error.statusCode === undefined ? (error.code ?? error.message) : `HTTP ${error.statusCode} ${error.code ?? ""}`.trim();
    return new StorageUnavailableError(location, reason, { cause: error });
  }
  return error;
}
