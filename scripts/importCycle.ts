import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ConfigError } from "../bot/config";
import { importPreviousCycle } from "../bot/cycles/importPreviousCycle";
import { DEFAULT_FRAMEWORK_PATH, loadFramework } from "../storage/framework/loadFramework";
import { cycleResultFromCsv } from "../documents/csv/cycleResultFromCsv";
import { openStorage } from "../storage/openStorage";
import { withConfiguredStorage } from "./withConfiguredStorage";

const USAGE = "Usage: npm run import-cycle -- --tenant <tenant id> --date <yyyy-mm-dd> <file.csv>";

/**
 * `npm run import-cycle -- --tenant <id> --date <yyyy-mm-dd> previous.csv`: a previous cycle done on
 * paper, typed into this project's assessment CSV (the one `compile` offers; the "Agreed rating" and
 * "Area global score" columns are read), stored as the closed cycle before the tenant's current one.
 * Every problem in the file is listed with its line; nothing is stored unless the whole file is good.
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { tenant: { type: "string" }, date: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const [file] = positionals;
  if (!values.tenant || !values.date || file === undefined || positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const { tenant, date } = values;
  return withConfiguredStorage(async ({ connectionString, tablePrefix }, config) => {
    const framework = loadFramework(config.frameworkFile ?? DEFAULT_FRAMEWORK_PATH);
    const parsed = cycleResultFromCsv(await readFile(file, "utf8"), framework, date);
    if (!parsed.ok) {
      console.error(`${file} was not imported:`);
      for (const problem of parsed.problems) console.error(`  - ${problem}`);
      return 1;
    }
    const outcome = await importPreviousCycle(openStorage({ connectionString, tablePrefix }), {
      tenantId: tenant,
      result: parsed.result,
      now: new Date(),
      actor: "import-cycle script",
    });
    if (outcome.kind === "refused") {
      console.error(`Not imported: ${outcome.reason}.`);
      return 1;
    }
    console.log(
      `Imported the cycle of ${date} (${parsed.statements} statements, ${Object.keys(parsed.result.globalScores).length} global scores) as ${outcome.previous.id}, before ${outcome.current.id}.`,
    );
    return 0;
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
