import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The Bicep cannot be compiled here (no Bicep CLI offline), so these are static checks of the
 * mistakes a reader misses most easily: a parameter the example file forgets or misspells, and an
 * app setting whose name the bot does not read.
 */
const infraDir = path.join(__dirname, "..", "..", "deploy", "infra");
const bicep = readFileSync(path.join(infraDir, "main.bicep"), "utf8");
const example = JSON.parse(readFileSync(path.join(infraDir, "main.parameters.example.json"), "utf8")) as {
  parameters: Record<string, unknown>;
};
const botConfigSource = readFileSync(path.join(__dirname, "..", "..", "bot", "config.ts"), "utf8");

interface BicepParam {
  name: string;
  hasDefault: boolean;
  secure: boolean;
}

function bicepParams(): BicepParam[] {
  const lines = bicep.split("\n");
  return lines.flatMap((line, index) => {
    const match = /^param (\w+) \w+( = .*)?$/.exec(line);
    if (!match?.[1]) return [];
    const decorators = lines.slice(Math.max(0, index - 6), index).join("\n");
    return [
      {
        name: match[1],
        hasDefault: match[2] !== undefined,
        secure: /@secure\(\)\s*(@\w+\([^)]*\)\s*)*$/.test(decorators),
      },
    ];
  });
}

/** Keys of the app-settings objects, which sit between `var coreSettings` and the resource using them. */
function appSettingNames(): string[] {
  const start = bicep.indexOf("var coreSettings = {");
  const end = bicep.indexOf("resource appSettings ");
  assert.ok(start >= 0 && end > start, "app settings block not found");
  return [...bicep.slice(start, end).matchAll(/^\s+(\w+): /gm)].map((match) => match[1] ?? "");
}

/** Read by App Service or by the Application Insights agent, not by the bot. */
const PLATFORM_SETTINGS = new Set([
  "ApplicationInsightsAgent_EXTENSION_VERSION",
  "SCM_DO_BUILD_DURING_DEPLOYMENT",
  "WEBSITES_PORT",
  "NODE_ENV",
]);

describe("deploy/infra", () => {
  it("the example parameters name only parameters the template has, and every required one but the secrets", () => {
    const params = bicepParams();
    const known = new Set(params.map((param) => param.name));
    for (const name of Object.keys(example.parameters))
      assert.ok(known.has(name), `example sets unknown parameter ${name}`);
    for (const param of params.filter((candidate) => !candidate.hasDefault && !candidate.secure)) {
      assert.ok(param.name in example.parameters, `example lacks required parameter ${param.name}`);
    }
    assert.ok(
      params.some((param) => param.name === "downloadLinkSecret" && param.secure),
      "downloadLinkSecret must be @secure()",
    );
  });

  it("sets only app settings the bot reads (or the platform does)", () => {
    const names = appSettingNames();
    for (const name of [
      "MicrosoftAppType",
      "MicrosoftAppId",
      "MicrosoftAppTenantId",
      "TABLES_CONNECTION_STRING",
      "DOWNLOAD_LINK_SECRET",
      "COORDINATOR_AAD_IDS",
      "PUBLIC_BASE_URL",
      "APPLICATIONINSIGHTS_CONNECTION_STRING",
      "MicrosoftAppPassword",
    ]) {
      assert.ok(names.includes(name), `template does not set ${name}`);
    }
    for (const name of names.filter((candidate) => !PLATFORM_SETTINGS.has(candidate))) {
      assert.match(botConfigSource, new RegExp(`\\b${name}:`), `bot/config.ts does not read ${name}`);
    }
  });

  it("keeps the security and hosting settings the bot relies on", () => {
    for (const expected of [
      "httpsOnly: true",
      "minTlsVersion: '1.2'",
      "alwaysOn: true",
      "healthCheckPath: '/healthz'",
      "kind: 'azurebot'",
      "location: 'global'",
      "name: 'MsTeamsChannel'",
      "enableRbacAuthorization: true",
      "allowBlobPublicAccess: false",
      "minimumTlsVersion: 'TLS1_2'",
      "supportsHttpsTrafficOnly: true",
      "/api/messages",
      "@Microsoft.KeyVault(SecretUri=",
    ]) {
      assert.ok(bicep.includes(expected), `main.bicep lacks ${expected}`);
    }
  });
});
