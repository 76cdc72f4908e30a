import assert from "node:assert/strict";
import { DEFAULT_CONSENSUS_THRESHOLDS } from "../../assessment/consensus/consensusThresholds";
import { ConfigError, loadConfig } from "../../bot/config";

const APP_ID = "00000000-0000-0000-0000-000000000001";
const TENANT = "00000000-0000-0000-0000-000000000002";

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail("expected a ConfigError");
}

describe("config", () => {
  it("defaults to the embedded Azurite, port 3978 and no authentication", () => {
    const config = loadConfig({});
    assert.equal(config.http.port, 3978);
    assert.equal(config.storage.kind, "embeddedAzurite");
    assert.equal(config.botAuth, undefined);
    assert.deepEqual(config.consensus, DEFAULT_CONSENSUS_THRESHOLDS);
  });

  it("reads the consensus rule with the pure core's bounds, naming a bad variable", () => {
    assert.equal(
      loadConfig({ CONSENSUS_SHARE_MIN_ANSWERS: "4", CONSENSUS_MODAL_SHARE_MIN: "0.8" }).consensus
        .minAnswersForModalShare,
      4,
    );
    assert.throws(() => loadConfig({ CONSENSUS_MODAL_SHARE_MIN: "75" }), /CONSENSUS_MODAL_SHARE_MIN/);
    assert.throws(() => loadConfig({ CONSENSUS_SHARE_MIN_ANSWERS: "0" }), /CONSENSUS_SHARE_MIN_ANSWERS/);
  });

  it("listens on 127.0.0.1 without authentication and on all interfaces with it, unless HOST says otherwise", () => {
    const withAuth = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: "secret", MicrosoftAppTenantId: TENANT };
    assert.equal(loadConfig({}).http.host, "127.0.0.1");
    assert.equal(loadConfig({ HOST: " " }).http.host, "127.0.0.1");
    assert.equal(loadConfig(withAuth).http.host, "0.0.0.0");
    assert.equal(loadConfig({ HOST: "0.0.0.0" }).http.host, "0.0.0.0");
    assert.equal(loadConfig({ ...withAuth, HOST: "10.1.2.3" }).http.host, "10.1.2.3");
  });

  it("marks documents OFFICIAL unless PROTECTIVE_MARKING says otherwise, and refuses a blank marking", () => {
    assert.equal(loadConfig({}).protectiveMarking, "OFFICIAL");
    assert.equal(loadConfig({ PROTECTIVE_MARKING: " OFFICIAL-SENSITIVE " }).protectiveMarking, "OFFICIAL-SENSITIVE");
    assert.match(errorOf({ PROTECTIVE_MARKING: "  " }), /PROTECTIVE_MARKING must not be blank/);
  });

  it("turns scheduled digests off with DIGEST_SCHEDULE=off, and keeps the weekday 9:00 default otherwise", () => {
    assert.equal(loadConfig({ DIGEST_SCHEDULE: "off" }).digestSchedule, undefined);
    assert.equal(loadConfig({}).digestSchedule, "0 9 * * 1-5");
  });

  it("uses a connection string when one is given and turns auth on with an app id", () => {
    const config = loadConfig({
      TABLES_CONNECTION_STRING: "UseDevelopmentStorage=true",
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "secret",
      MicrosoftAppTenantId: TENANT,
    });
    assert.equal(config.storage.kind, "connectionString");
    assert.equal(config.botAuth?.appId, APP_ID);
    assert.equal(config.botAuth.appType, "SingleTenant");
  });

  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ["a non-numeric port", { PORT: "abc" }, /^Configuration error: PORT /],
    ["a port out of range", { PORT: "70000" }, /PORT must be a port number/],
    [
      "a coordinator that is not a GUID",
      { COORDINATOR_AAD_IDS: "alice@example.org" },
      /COORDINATOR_AAD_IDS.* each coordinator must be an AAD object id/,
    ],
    [
      "an app id without password",
      { MicrosoftAppId: APP_ID, MicrosoftAppTenantId: TENANT },
      /MicrosoftAppPassword is required when MicrosoftAppId is set/,
    ],
    [
      "a single-tenant app without tenant",
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: "x" },
      /MicrosoftAppTenantId is required when MicrosoftAppType=SingleTenant/,
    ],
    ["an unknown app type", { MicrosoftAppType: "Anonymous" }, /MicrosoftAppType is invalid/],
    ["a relative public URL", { PUBLIC_BASE_URL: "bot.example.org" }, /PUBLIC_BASE_URL must be an absolute URL/],
    ["an unknown time zone", { DEFAULT_TIME_ZONE: "Mars/Olympus" }, /DEFAULT_TIME_ZONE must be an IANA time zone/],
    [
      "a digest schedule that is not cron",
      { DIGEST_SCHEDULE: "every morning" },
      /DIGEST_SCHEDULE must be a cron pattern/,
    ],
    [
      "a short download secret",
      { DOWNLOAD_LINK_SECRET: "short" },
      /DOWNLOAD_LINK_SECRET must be at least 32 characters/,
    ],
    [
      "an unresolved Key Vault reference",
      { DOWNLOAD_LINK_SECRET: "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x)" },
      /DOWNLOAD_LINK_SECRET is an unresolved Key Vault reference/,
    ],
  ];
  for (const [name, env, pattern] of cases) {
    it(`stops with one line naming the variable for ${name}`, () => {
      const message = errorOf(env);
      assert.match(message, pattern);
      assert.equal(message.includes("\n"), false);
    });
  }
});
