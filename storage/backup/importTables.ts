import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { TableEntity, TransactionAction } from "@azure/data-tables";
import type { TableId } from "../tableNames";
import { ensureTables, type TableClients } from "../tableClientFactory";
import { translateStorageError } from "../translateStorageError";
import {
  backupEntitySchema,
  backupManifestSchema,
  MANIFEST_FILE,
  type BackupEntity,
  type BackupManifest,
} from "./backupFormat";

export class BackupError extends Error {
  override name = "BackupError";
}

/** Azure's limits for one entity group transaction: 100 entities, 4 MiB; stay well under the size. */
const BATCH_ENTITIES = 100;
const BATCH_JSON_CHARS = 2_000_000;

/**
 * Re-imports a folder written by exportTables. Everything is checked before anything is written
 * (manifest, each file's checksum and count, each line's shape). Unless `replaceExisting`, every
 * target table must be empty, so a restore never mixes two states; with it, each backed-up entity
 * replaces the one with its keys, and entities not in the backup stay.
 */
export async function importTables(
  clients: TableClients,
  folder: string,
  options: { replaceExisting: boolean },
): Promise<BackupManifest> {
  const manifest = await readManifest(folder);
  for (const entry of manifest.tables) await verifyFile(folder, entry);
  await ensureTables(clients);
  if (!options.replaceExisting) {
    const nonEmpty = [];
    for (const entry of manifest.tables)
      if (await hasEntities(clients, entry.table)) nonEmpty.push(clients[entry.table].tableName);
    if (nonEmpty.length > 0)
      throw new BackupError(
        `Not restored: these tables already hold data: ${nonEmpty.join(", ")}. Restore into empty tables, or pass --replace-existing.`,
      );
  }
  for (const entry of manifest.tables) await importTable(clients, entry.table, join(folder, entry.file));
  return manifest;
}

async function readManifest(folder: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(join(folder, MANIFEST_FILE), "utf8");
  } catch {
    throw new BackupError(`No ${MANIFEST_FILE} in ${folder}: not a backup folder, or the backup did not finish`);
  }
  const parsed = backupManifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new BackupError(
      `${MANIFEST_FILE} is not a table backup manifest: ${parsed.error.issues[0]?.message ?? "invalid"}`,
    );
  return parsed.data;
}

async function verifyFile(folder: string, entry: BackupManifest["tables"][number]): Promise<void> {
  const hash = createHash("sha256");
  let lines = 0;
  for await (const line of readLines(join(folder, entry.file))) {
    hash.update(`${line}\n`, "utf8");
    if (!backupEntitySchema.safeParse(JSON.parse(line)).success)
      throw new BackupError(`${entry.file} line ${lines + 1} is not an entity`);
    lines += 1;
  }
  if (hash.digest("hex") !== entry.sha256 || lines !== entry.entities)
    throw new BackupError(`${entry.file} does not match the manifest (changed or incomplete)`);
}

async function hasEntities(clients: TableClients, table: TableId): Promise<boolean> {
  const page = await clients[table]
    .listEntities({ queryOptions: { select: ["PartitionKey"] } })
    .byPage({ maxPageSize: 1 })
    .next();
  return !page.done && page.value.length > 0;
}

async function importTable(clients: TableClients, table: TableId, path: string): Promise<void> {
  const client = clients[table];
  let batch: { partitionKey: string; actions: TransactionAction[]; chars: number } | undefined;
  const flush = async () => {
    if (!batch) return;
    try {
      await client.submitTransaction(batch.actions);
    } catch (error) {
      throw translateStorageError(error, { table: client.tableName, conditional: false });
    }
    batch = undefined;
  };
  for await (const line of readLines(path)) {
    const entity = backupEntitySchema.parse(JSON.parse(line));
    if (
      batch &&
      (batch.partitionKey !== entity.partitionKey ||
        batch.actions.length >= BATCH_ENTITIES ||
        batch.chars + line.length > BATCH_JSON_CHARS)
    )
      await flush();
    batch ??= { partitionKey: entity.partitionKey, actions: [], chars: 0 };
    batch.actions.push(["upsert", toTableEntity(entity), "Replace"]);
    batch.chars += line.length;
  }
  await flush();
}

/**
 * Back to what the SDK sends with an Edm annotation. Booleans and numbers go as JSON values, the
 * rest as the strings the service itself returns (Int64, DateTime, Guid, base64 Binary).
 */
function toTableEntity(entity: BackupEntity): TableEntity {
  const result: TableEntity = { partitionKey: entity.partitionKey, rowKey: entity.rowKey };
  for (const [name, { type, value }] of Object.entries(entity.properties)) {
    if (type === "Boolean") result[name] = { type, value: value === "true" };
    else if ((type === "Int32" || type === "Double") && Number.isFinite(Number(value)))
      result[name] = { type, value: Number(value) };
    else result[name] = { type, value };
  }
  return result;
}

function readLines(path: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
}
