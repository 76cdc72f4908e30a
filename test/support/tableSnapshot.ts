import { createTableClients } from "../../storage/tableClientFactory";
import { TABLE_NAMES, type TableId } from "../../storage/tableNames";
import { testTablesConnectionString } from "./azuriteForTests";

/**
 * Every row of every table under a prefix (keys, eTag and values), so a test can assert that a
 * refused request "changed nothing" without knowing which repository it might have touched.
 * Tables in `except` are left out (e.g. botState, which a turn that reached the bot may touch).
 */
export async function tableSnapshot(
  tablePrefix: string,
  except: readonly TableId[] = [],
): Promise<Record<string, string[]>> {
  const clients = createTableClients({ connectionString: testTablesConnectionString(), tablePrefix });
  const snapshot: Record<string, string[]> = {};
  for (const table of Object.keys(TABLE_NAMES) as TableId[]) {
    if (except.includes(table)) continue;
    const rows: string[] = [];
    for await (const entity of clients[table].listEntities()) rows.push(JSON.stringify(entity));
    snapshot[table] = rows.sort();
  }
  return snapshot;
}
