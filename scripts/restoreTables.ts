import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { importTables } from "../storage/backup/importTables";
import { createTableClients } from "../storage/tableClientFactory";
import { withConfiguredStorage } from "./withConfiguredStorage";

/**
 * `npm run restore -- --from <folder> [--replace-existing]`: a folder written by `npm run backup`
 * into the configured storage (its TABLE_NAME_PREFIX, which may differ from the backup's).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { from: { type: "string" }, "replace-existing": { type: "boolean", default: false } },
    strict: true,
  });
  if (!values.from) throw new Error("Usage: npm run restore -- --from <backup folder> [--replace-existing]");
  const folder = resolve(values.from);
  const replaceExisting = values["replace-existing"];
  const manifest = await withConfiguredStorage(({ connectionString, tablePrefix }) =>
    importTables(createTableClients({ connectionString, tablePrefix, requestTimeoutMs: 60_000 }), folder, {
      replaceExisting,
    }),
  );
  for (const table of manifest.tables) console.log(`${table.file}: ${table.entities} entities restored`);
  console.log(`Restored the backup of ${manifest.createdAt} from ${folder}`);
}

void main().catch((error: unknown) => {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
