import { RestError } from "@azure/data-tables";
import { ConcurrencyConflictError, StorageError, StorageUnavailableError, type EntityLocation } from "./storageErrors";

export interface FailedCall extends EntityLocation {
  /** A write conditioned on a version (If-Match) or on absence (create). */
  conditional: boolean;
}

/** Azure's error code ("TableNotFound", "ResourceNotFound"…): the SDK leaves it in the x-ms-error-code header. */
function serviceErrorCode(error: RestError): string | undefined {
  const details = error.details;
  if (
    typeof details === "object" &&
    details !== null &&
    "errorCode" in details &&
    typeof details.errorCode === "string"
  )
    return details.errorCode;
  return error.code;
}

function isTableNotFound(error: RestError): boolean {
  return serviceErrorCode(error) === "TableNotFound";
}

/** The entity is absent (as opposed to its whole table). */
export function isEntityNotFound(error: unknown): boolean {
  return error instanceof RestError && error.statusCode === 404 && !isTableNotFound(error);
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
 * Maps what the SDK throws for the conditions callers handle (conflict, unreachable, missing table)
 * to our StorageError hierarchy. Anything else (say a 400 for a request we built wrongly) is
 * returned as it is: a bug to surface, not a condition to handle.
 */
export function translateStorageError(error: unknown, call: FailedCall): unknown {
  if (error instanceof StorageError) return error;
  const location: EntityLocation = { table: call.table, partitionKey: call.partitionKey, rowKey: call.rowKey };
  // The SDK aborts a request that exceeds its timeout with an AbortError (not a RestError).
  if (error instanceof Error && error.name === "AbortError") {
    return new StorageUnavailableError(location, "the request timed out", { cause: error });
  }
  if (!(error instanceof RestError)) return error;
  if (isTableNotFound(error))
    return new StorageUnavailableError(location, "the table does not exist; ensureTables() creates it", {
      cause: error,
    });
  if (call.conditional && isConflict(error)) return new ConcurrencyConflictError(location, error.statusCode);
  if (isUnavailable(error)) {
    const reason =
      error.statusCode === undefined
        ? (error.code ?? error.message)
        : `HTTP ${error.statusCode} ${serviceErrorCode(error) ?? ""}`.trim();
    return new StorageUnavailableError(location, reason, { cause: error });
  }
  return error;
}
