import type { TableClients } from "./tableClientFactory";
import { translateStorageError } from "./translateStorageError";

export interface StorageHealth {
  ok: boolean;
  detail: string;
}

const DEFAULT_TIMEOUT_MS = 3_000;

/**
 * For /healthz: asks for at most one row of one table, which proves the account answers, the
 * credentials work and the tables exist. Never throws; a slow store counts as down.
 */
export async function checkStorage(clients: TableClients, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<StorageHealth> {
  const client = clients.assessments;
  const started = Date.now();
  try {
    const pages = client
      .listEntities({ queryOptions: { select: ["PartitionKey"] }, abortSignal: AbortSignal.timeout(timeoutMs) })
      .byPage({ maxPageSize: 1 });
    await pages.next();
    return { ok: true, detail: `table storage answered in ${Date.now() - started} ms` };
  } catch (error) {
    const translated = translateStorageError(error, { table: client.tableName, conditional: false });
    return { ok: false, detail: translated instanceof Error ? translated.message : String(translated) };
  }
}
