import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { exportTables } from "../storage/backup/exportTables";
import { createTableClients } from "../storage/tableClientFactory";
import { withConfiguredStorage } from "./withConfiguredStorage";

/**
 * `npm run backup -- [--out <folder>]`: every table of the configured storage into a new folder
 * (default backups/<UTC timestamp>), one JSON-lines file per table and manifest.json.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: "string" } }, strict: true });
  const now = new Date();
  const folder = resolve(values.out ?? `backups/${now.toISOString().replace(/[:.]/g, "-")}`);
  const manifest = await withConfiguredStorage(({ connectionString, tablePrefix }) =>
    exportTables(createTableClients({ connectionString, tablePrefix, requestTimeoutMs: 60_000 }), folder, {
      tablePrefix,
      now,
    }),
  );
  for (const table of manifest.tables) console.log(`${table.file}: ${table.entities} entities`);
  console.log(`Backup written to ${folder}`);
}

void main().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
