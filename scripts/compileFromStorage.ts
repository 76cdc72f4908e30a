import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError } from "../bot/config";
import { firstAssessmentId, latestCycle } from "../bot/app/currentAssessment";
import { gatherCompileInput } from "../bot/compile/gatherCompileInput";
import { DEFAULT_FRAMEWORK_PATH, loadFramework } from "../storage/framework/loadFramework";
import { compileAssessment } from "../assessment/compile/compileAssessment";
import { compilePublicationCopy } from "../assessment/publication/compilePublicationCopy";
import { buildCompiledDocuments } from "../documents/buildCompiledDocuments";
import { openStorage } from "../storage/openStorage";
import { withConfiguredStorage } from "./withConfiguredStorage";

/**
 * `npm run compile:cli -- --tenant <tenant id> [--out out/compiled]`: compiles a tenant's current
 * assessment straight from storage (same configuration as the bot) and writes .docx, .csv, .json for the internal and the publication copy.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { tenant: { type: "string" }, out: { type: "string", default: "out/compiled" } },
    strict: true,
  });
  const tenant = values.tenant;
  if (!tenant) throw new UsageError("Usage: compile:cli --tenant <tenant id> [--out <dir>]");
  await withConfiguredStorage(async ({ connectionString, tablePrefix }, config) => {
    const storage = openStorage({ connectionString, tablePrefix });
    const framework = loadFramework(config.frameworkFile ?? DEFAULT_FRAMEWORK_PATH);
    const first = await storage.assessments.get(firstAssessmentId(tenant));
    if (!first) throw new UsageError(`Tenant ${tenant} has no assessment stored`);
    const current = await latestCycle(storage.assessments, first.value);
    const input = await gatherCompileInput({
      storage,
      framework,
      thresholds: config.consensus,
      assessmentId: current.id,
      now: new Date(),
    });
    const { protectiveMarking } = config;
    const copies = [
      await buildCompiledDocuments(compileAssessment(input), { protectiveMarking, copy: "internal" }),
      await buildCompiledDocuments(compilePublicationCopy(input), { protectiveMarking, copy: "publication" }),
    ];
    const outDir = resolve(values.out);
    await mkdir(outDir, { recursive: true });
    const written: (readonly [string, string | Buffer])[] = copies.flatMap((documents) => [
      [join(outDir, `${documents.fileBaseName}.docx`), documents.docx] as const,
      [join(outDir, `${documents.fileBaseName}.csv`), documents.csv] as const,
      [join(outDir, `${documents.fileBaseName}.json`), documents.json] as const,
    ]);
    // The action plan from the publication copy, as the compile command offers it.
    const [, publication] = copies;
    if (publication) {
      const actionPlan = join(outDir, publication.fileBaseName.replace(/-publication$/, "-action-plan"));
      written.push(
        [`${actionPlan}.docx`, publication.actionPlanDocx],
        [`${actionPlan}.csv`, publication.actionPlanCsv],
      );
    }
    for (const [path, content] of written) await writeFile(path, content);
    for (const [path] of written) console.log(path);
  });
}

class UsageError extends Error {}

void main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError || error instanceof UsageError || error instanceof Error
      ? error.message
      : String(error),
  );
  process.exit(1);
});
