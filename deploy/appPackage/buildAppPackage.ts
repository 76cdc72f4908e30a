import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { zipSync } from "fflate";
import { readEnvironment } from "../../bot/config";
import { ConfigError } from "../../bot/configParsing";
import { loadAppPackageConfig, type AppPackageConfig } from "../../bot/configAppPackage";
import { COMMANDS, type CommandInfo } from "../../bot/commands/commandCatalogue";
import { APP_LISTING } from "./appListing";
import { buildManifest, ICON_FILES, type TeamsManifest } from "./buildManifest";
import { MAX_COMMANDS_PER_LIST, type OmittedCommands } from "./buildCommandLists";
import { MANIFEST_SCHEMA } from "./manifestSchema";
import { renderIcons } from "./renderIcons";
import { validateManifest } from "./validateManifest";

export interface AppPackageOptions {
  config: AppPackageConfig;
  outFile: string;
  commands?: readonly CommandInfo[];
}

export type AppPackageResult =
  | { ok: true; outFile: string; manifest: TeamsManifest; omittedCommands: OmittedCommands[] }
  | { ok: false; problems: string[] };

/** Zip entries get this timestamp, so the same inputs give a byte-identical package. */
const FIXED_ENTRY_TIME = new Date("2020-01-01T00:00:00Z");

export const DEFAULT_OUT_FILE = path.resolve(__dirname, "..", "..", "build", "appPackage.zip");

/**
 * Builds the Teams app package: manifest (validated against the bundled schema) and the two icons
 * rendered from SVG, zipped flat — Teams rejects a package whose files sit in a folder.
 * An invalid manifest writes nothing and comes back as the list of problems.
 */
export async function buildAppPackage(options: AppPackageOptions): Promise<AppPackageResult> {
  const { manifest, omittedCommands } = buildManifest({
    config: options.config,
    listing: APP_LISTING,
    commands: options.commands ?? COMMANDS,
  });
  const problems = await validateManifest(manifest);
  if (problems.length > 0) return { ok: false, problems };
  const icons = await renderIcons();
  const zip = zipSync(
    {
      "manifest.json": [
        new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
        { mtime: FIXED_ENTRY_TIME },
      ],
      [ICON_FILES.color]: [icons.color, { mtime: FIXED_ENTRY_TIME }],
      [ICON_FILES.outline]: [icons.outline, { mtime: FIXED_ENTRY_TIME }],
    },
    { level: 9 },
  );
  await mkdir(path.dirname(options.outFile), { recursive: true });
  await writeFile(options.outFile, zip);
  return { ok: true, outFile: options.outFile, manifest, omittedCommands };
}

/** `npm run package`: configuration from the environment, the package in build/appPackage.zip. */
async function main(): Promise<number> {
  let config: AppPackageConfig;
  try {
    config = loadAppPackageConfig(readEnvironment());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
  const result = await buildAppPackage({ config, outFile: DEFAULT_OUT_FILE });
  if (!result.ok) {
    console.error(
      `The manifest does not pass the Teams app manifest schema v${MANIFEST_SCHEMA.version}; nothing was written:`,
    );
    for (const problem of result.problems) console.error(`  - ${problem}`);
    return 1;
  }
  for (const { scope, names } of result.omittedCommands) {
    console.warn(
      `Note: the ${scope} command menu holds at most ${MAX_COMMANDS_PER_LIST} commands; left out of it (they still work when typed): ${names.join(", ")}`,
    );
  }
  console.log(
    `Wrote ${path.relative(process.cwd(), result.outFile)}: Teams app ${result.manifest.id}, version ${result.manifest.version}, bot ${config.botAppId}, host ${config.publicHostname}`,
  );
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Packaging failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
