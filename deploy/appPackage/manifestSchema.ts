import path from "node:path";

/**
 * The one manifest schema version this package targets: the newest numbered (non-preview)
 * version whose JSON schema @microsoft/app-manifest bundles. Raising it means: check the bundle
 * has build/json-schemas/teams/v<version>/, change it here, run the deploy tests.
 */
export const MANIFEST_SCHEMA = {
  version: "1.30",
  url: "https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json",
} as const;

/** The bundled copy of that schema, so validation never needs the network. */
export function bundledSchemaPath(): string {
  const packageRoot = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  return path.join(
    packageRoot,
    "build",
    "json-schemas",
    "teams",
    `v${MANIFEST_SCHEMA.version}`,
    "MicrosoftTeams.schema.json",
  );
}
