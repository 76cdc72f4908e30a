import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { RestError, type TableEntityResult } from "@azure/data-tables";
import { TABLE_NAMES, type TableId } from "../tableNames";
import type { TableClients } from "../tableClientFactory";
import { translateStorageError } from "../translateStorageError";
import { BACKUP_FORMAT, MANIFEST_FILE, type BackupEntity, type BackupManifest } from "./backupFormat";

/** Keys go apart from the properties; Timestamp, eTag and OData bookkeeping are the service's, never restored. */
const NOT_PROPERTIES = new Set(["partitionKey", "rowKey", "etag", "timestamp"]);

/**
 * Writes every table, one after another, into an empty (or new) folder and the manifest last: a
 * folder without a manifest is an interrupted backup. Tables are read while the bot may be writing,
 * so each table is as it was when read; stop the bot first for one consistent instant.
 */
export async function exportTables(
  clients: TableClients,
  folder: string,
  options: { tablePrefix: string; now: Date },
): Promise<BackupManifest> {
  await mkdir(folder, { recursive: true });
  if ((await readdir(folder)).length > 0) throw new Error(`${folder} is not empty: back up into a new folder`);
  const tables: BackupManifest["tables"] = [];
  for (const table of Object.keys(TABLE_NAMES) as TableId[]) {
    const file = `${TABLE_NAMES[table]}.jsonl`;
    const { entities, sha256 } = await exportTable(clients[table], join(folder, file));
    tables.push({ table, file, entities, sha256 });
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: options.now.toISOString(),
    tablePrefix: options.tablePrefix,
    tables,
  };
  await writeFile(join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function exportTable(client: TableClients[TableId], path: string): Promise<{ entities: number; sha256: string }> {
  const out = createWriteStream(path, { encoding: "utf8" });
  const hash = createHash("sha256");
  let entities = 0;
  try {
    // disableTypeConversion: every property arrives as { value: string, type }, Int64 and all.
    for await (const entity of client.listEntities({ disableTypeConversion: true })) {
      const line = `${JSON.stringify(toBackupEntity(entity))}\n`;
      hash.update(line, "utf8");
      if (!out.write(line))
        await new Promise<void>((resolve) =>
          out.once("drain", () => {
            resolve();
          }),
        );
      entities += 1;
    }
  } catch (error) {
    // A table the bot has not created yet (a store never started) backs up as empty.
    if (!isTableNotFound(error)) {
      out.destroy();
      throw translateStorageError(error, { table: client.tableName, conditional: false });
    }
  }
  out.end();
  await finished(out);
  return { entities, sha256: hash.digest("hex") };
}

function isTableNotFound(error: unknown): boolean {
  return error instanceof RestError && error.statusCode === 404;
}

function toBackupEntity(entity: TableEntityResult<Record<string, unknown>>): BackupEntity {
  const properties: BackupEntity["properties"] = {};
  for (const [name, typed] of Object.entries(entity)) {
    if (NOT_PROPERTIES.has(name) || name.startsWith("odata.")) continue;
    // disableTypeConversion keeps JSON's own number and boolean values: only the type is made explicit.
    const { type, value } = typed as {
      type: BackupEntity["properties"][string]["type"];
      value: string | number | boolean;
    };
    properties[name] = { type, value: String(value) };
  }
  return { partitionKey: String(entity.partitionKey), rowKey: String(entity.rowKey), properties };
}
