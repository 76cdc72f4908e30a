import { RestError, type TableClient } from "@azure/data-tables";
import { createTableClient } from "./tableClientFactory";
import type { JournalEntry } from "./writeRecorder";

const REPLAY_CONCURRENCY = 16;
/** Start-up on a busy machine may be slow; nothing waits on the replay but the start itself. */
const REPLAY_REQUEST_TIMEOUT_MS = 60_000;

/**
 * Applies journaled writes to storage. Each entry is an entity's whole state (or its deletion), so
 * only the last entry of each entity matters, and applying it again changes nothing: a crash during
 * replay just replays again at the next start. Entities are independent, so they go in parallel.
 */
export async function replayJournal(connectionString: string, entries: readonly JournalEntry[]): Promise<number> {
  const last = new Map<string, JournalEntry>();
  for (const entry of entries) last.set(JSON.stringify(keyOf(entry)), entry);
  const clients = new Map<string, TableClient>();
  const clientFor = async (table: string): Promise<TableClient> => {
    let client = clients.get(table);
    if (!client) {
      client = createTableClient({ connectionString, requestTimeoutMs: REPLAY_REQUEST_TIMEOUT_MS }, table);
      clients.set(table, client);
      // The table itself may have been created after Azurite's file was last saved.
      await client.createTable();
    }
    return client;
  };
  for (const table of new Set([...last.values()].map((entry) => entry.table))) await clientFor(table);
  const queue = [...last.values()];
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) await apply(await clientFor(entry.table), entry);
  };
  await Promise.all(Array.from({ length: REPLAY_CONCURRENCY }, worker));
  return last.size;
}

function keyOf(entry: JournalEntry): [string, string, string] {
  return entry.op === "put"
    ? [entry.table, entry.entity.partitionKey, entry.entity.rowKey]
    : [entry.table, entry.partitionKey, entry.rowKey];
}

async function apply(client: TableClient, entry: JournalEntry): Promise<void> {
  if (entry.op === "put") {
    await client.upsertEntity(entry.entity, "Replace");
    return;
  }
  try {
    await client.deleteEntity(entry.partitionKey, entry.rowKey);
  } catch (error) {
    if (!(error instanceof RestError && error.statusCode === 404)) throw error;
  }
}
