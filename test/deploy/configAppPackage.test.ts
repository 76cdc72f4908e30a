import assert from "node:assert/strict";
import packageJson from "../../package.json";
import { ConfigError } from "../../bot/configParsing";
import { DEFAULT_APP_SHORT_NAME, loadAppPackageConfig } from "../../bot/configAppPackage";
import { appPackageEnv, BOT_APP_ID, OTHER_TEAMS_APP_ID } from "./support/appPackageEnv";

describe("loadAppPackageConfig", () => {
  it("fills every default from MicrosoftAppId, PUBLIC_BASE_URL and package.json, and takes the publisher's pages as given", () => {
    const config = loadAppPackageConfig(appPackageEnv({ PUBLIC_BASE_URL: "https://sa-bot.example.org/" }));
    assert.deepEqual(config, {
      botAppId: BOT_APP_ID,
      teamsAppId: BOT_APP_ID,
      version: packageJson.version,
      shortName: DEFAULT_APP_SHORT_NAME,
      publicBaseUrl: "https://sa-bot.example.org",
      publicHostname: "sa-bot.example.org",
      developer: {
        name: "sa-bot.example.org",
        websiteUrl: "https://www.anytown.gov.uk",
        privacyUrl: "https://www.anytown.gov.uk/privacy",
        termsOfUseUrl: "https://www.anytown.gov.uk/terms",
      },
    });
  });

  it("takes every override", () => {
    const config = loadAppPackageConfig(
      appPackageEnv({
        TEAMS_APP_ID: OTHER_TEAMS_APP_ID.toUpperCase(),
        APP_VERSION: "2.3.4",
        APP_SHORT_NAME: "Care Leavers SA",
        APP_DEVELOPER_NAME: "Anytown Council",
        APP_WEBSITE_URL: "https://care-leavers.anytown.gov.uk",
        APP_PRIVACY_URL: "https://care-leavers.anytown.gov.uk/privacy",
        APP_TERMS_URL: "https://care-leavers.anytown.gov.uk/terms",
      }),
    );
    assert.equal(config.teamsAppId, OTHER_TEAMS_APP_ID);
    assert.equal(config.version, "2.3.4");
    assert.equal(config.shortName, "Care Leavers SA");
    assert.deepEqual(config.developer, {
      name: "Anytown Council",
      websiteUrl: "https://care-leavers.anytown.gov.uk",
      privacyUrl: "https://care-leavers.anytown.gov.uk/privacy",
      termsOfUseUrl: "https://care-leavers.anytown.gov.uk/terms",
    });
  });

  it("treats blank values as unset", () => {
    const config = loadAppPackageConfig(appPackageEnv({ TEAMS_APP_ID: "  ", APP_VERSION: "", APP_SHORT_NAME: "" }));
    assert.equal(config.teamsAppId, BOT_APP_ID);
    assert.equal(config.shortName, DEFAULT_APP_SHORT_NAME);
  });

  const longHost = "https://app-selfassessment-prod-x7k2.azurewebsites.net";
  const badEnvironments: Array<[string, Record<string, string | undefined>]> = [
    ["MicrosoftAppId", { MicrosoftAppId: undefined }],
    ["MicrosoftAppId", { MicrosoftAppId: "my-bot" }],
    ["TEAMS_APP_ID", { TEAMS_APP_ID: "not-a-guid" }],
    ["PUBLIC_BASE_URL", { PUBLIC_BASE_URL: undefined }],
    ["PUBLIC_BASE_URL", { PUBLIC_BASE_URL: "http://sa-bot.example.org" }],
    ["PUBLIC_BASE_URL", { PUBLIC_BASE_URL: "sa-bot.example.org" }],
    ["APP_VERSION", { APP_VERSION: "1.2" }],
    ["APP_VERSION", { APP_VERSION: "1.2.3-beta.1" }],
    ["APP_SHORT_NAME", { APP_SHORT_NAME: "x".repeat(31) }],
    ["APP_DEVELOPER_NAME", { APP_DEVELOPER_NAME: "x".repeat(33) }],
    ["APP_DEVELOPER_NAME", { PUBLIC_BASE_URL: longHost }],
    ["APP_WEBSITE_URL", { APP_WEBSITE_URL: undefined }],
    ["APP_PRIVACY_URL", { APP_PRIVACY_URL: " " }],
    ["APP_TERMS_URL", { APP_TERMS_URL: undefined }],
    ["APP_WEBSITE_URL", { APP_WEBSITE_URL: "www.anytown.gov.uk" }],
    ["APP_PRIVACY_URL", { APP_PRIVACY_URL: "http://www.anytown.gov.uk/privacy" }],
    ["APP_TERMS_URL", { APP_TERMS_URL: "ftp://www.anytown.gov.uk/terms" }],
  ];
  for (const [variable, overrides] of badEnvironments) {
    it(`names ${variable} in one line when ${JSON.stringify(overrides)}`, () => {
      assert.throws(
        () => loadAppPackageConfig(appPackageEnv(overrides)),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, new RegExp(`^Configuration error: ${variable} (must|is) `));
          assert.doesNotMatch(error.message, /\n/);
          return true;
        },
      );
    });
  }

  it("accepts a long host when the developer name is given", () => {
    const config = loadAppPackageConfig(
      appPackageEnv({ PUBLIC_BASE_URL: longHost, APP_DEVELOPER_NAME: "Anytown Council" }),
    );
    assert.equal(config.developer.name, "Anytown Council");
  });
});
