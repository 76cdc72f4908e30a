import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Operation } from "../../assessment/roles/authorizationMatrix";
import { COMMANDS, type CommandInfo } from "../../bot/commands/commandCatalogue";
import { loadAppPackageConfig } from "../../bot/configAppPackage";
import { APP_LISTING } from "../../deploy/appPackage/appListing";
import { BOT_SCOPES, MAX_COMMANDS_PER_LIST } from "../../deploy/appPackage/buildCommandLists";
import { buildManifest } from "../../deploy/appPackage/buildManifest";
import { bundledSchemaPath, MANIFEST_SCHEMA } from "../../deploy/appPackage/manifestSchema";
import { validateManifest } from "../../deploy/appPackage/validateManifest";
import { appPackageEnv, BOT_APP_ID } from "./support/appPackageEnv";

/** Widened, so the test reads it the way the packaging code does, whatever literal types it carries. */
const CATALOGUE: readonly CommandInfo[] = COMMANDS;

function manifestFor(env = appPackageEnv(), commands: readonly CommandInfo[] = CATALOGUE) {
  return buildManifest({ config: loadAppPackageConfig(env), listing: APP_LISTING, commands });
}

describe("buildManifest", () => {
  it("produces a manifest the bundled schema accepts", async () => {
    assert.deepEqual(await validateManifest(manifestFor().manifest), []);
  });

  it("targets the newest numbered schema the package bundles", () => {
    const schema = JSON.parse(readFileSync(bundledSchemaPath(), "utf8")) as {
      properties: { manifestVersion: { const?: string } };
    };
    assert.equal(schema.properties.manifestVersion.const, MANIFEST_SCHEMA.version);
    const bundled = readdirSync(path.dirname(path.dirname(bundledSchemaPath())))
      .filter((name) => /^v\d+\.\d+$/.test(name))
      .map((name) => name.slice(1))
      .sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]));
    assert.equal(
      bundled.at(-1),
      MANIFEST_SCHEMA.version,
      "a newer manifest schema is bundled: move MANIFEST_SCHEMA to it",
    );
    const { manifest } = manifestFor();
    assert.equal(manifest.manifestVersion, MANIFEST_SCHEMA.version);
    assert.equal(manifest.$schema, MANIFEST_SCHEMA.url);
  });

  it("declares one bot in every scope that converses and claims no file support (it has no file-consent flow)", () => {
    const { manifest } = manifestFor();
    assert.equal(manifest.id, BOT_APP_ID);
    assert.equal(manifest.bots?.length, 1);
    const bot = manifest.bots[0];
    assert.equal(bot?.botId, BOT_APP_ID);
    assert.deepEqual(bot.scopes, ["team", "personal", "groupChat"]);
    assert.equal(bot.supportsFiles, false);
    assert.equal(bot.isNotificationOnly, false);
    assert.deepEqual(manifest.icons, { color: "color.png", outline: "outline.png" });
    assert.deepEqual(manifest.validDomains, ["sa-bot.example.org"]);
    assert.deepEqual(manifest.webApplicationInfo, {
      id: BOT_APP_ID,
      resource: `api://sa-bot.example.org/${BOT_APP_ID}`,
    });
    assert.equal(manifest.staticTabs?.[0]?.contentUrl, "https://sa-bot.example.org/tab?view=member");
    assert.ok(
      manifest.configurableTabs?.[0]?.context?.includes("meetingStage") &&
        manifest.configurableTabs[0].context.includes("meetingSidePanel"),
    );
  });

  it("generates each scope's command menu from the catalogue", () => {
    const { manifest, omittedCommands } = manifestFor();
    const lists = manifest.bots?.[0]?.commandLists ?? [];
    for (const scope of BOT_SCOPES) {
      const expected = CATALOGUE.filter((command) => command.scopes.includes(scope)).map((command) => ({
        title: command.name,
        description: command.description,
      }));
      const list = lists.find((candidate) => candidate.scopes.length === 1 && candidate.scopes[0] === scope);
      assert.ok(list, `no command list for ${scope}`);
      assert.deepEqual(list.commands, expected.slice(0, MAX_COMMANDS_PER_LIST));
      const left = omittedCommands.find((omitted) => omitted.scope === scope)?.names ?? [];
      assert.deepEqual(
        left,
        expected.slice(MAX_COMMANDS_PER_LIST).map((command) => command.title),
      );
    }
    assert.equal(lists.length, BOT_SCOPES.length);
  });

  it("keeps the first ten commands of a longer scope, in catalogue order, and says which it left out", async () => {
    const names: Operation[] = [
      "help",
      "assign",
      "details",
      "start",
      "status",
      "remind",
      "close",
      "reopen",
      "digest",
      "compile",
      "export",
      "forget",
    ];
    const many: CommandInfo[] = names.map((name, index) => ({
      name,
      description: `command ${index + 1}`,
      usage: name,
      scopes: index < 2 ? ["team", "personal"] : ["team"],
    }));
    const { manifest, omittedCommands } = manifestFor(appPackageEnv(), many);
    const team = manifest.bots?.[0]?.commandLists?.find((list) => list.scopes[0] === "team");
    assert.deepEqual(
      team?.commands.map((command) => command.description),
      many.slice(0, 10).map((command) => command.description),
    );
    assert.deepEqual(omittedCommands, [{ scope: "team", names: ["export", "forget"] }]);
    assert.equal(
      manifest.bots?.[0]?.commandLists?.some((list) => list.scopes[0] === "groupChat"),
      false,
      "a scope with no commands gets no list",
    );
    assert.deepEqual(await validateManifest(manifest), []);
  });

  it("uses TEAMS_APP_ID for the app and MicrosoftAppId for the bot", () => {
    const { manifest } = manifestFor(appPackageEnv({ TEAMS_APP_ID: "5e2a9d10-3c4b-4f6e-8a7d-1b0c9e8f7a65" }));
    assert.equal(manifest.id, "5e2a9d10-3c4b-4f6e-8a7d-1b0c9e8f7a65");
    assert.equal(manifest.bots?.[0]?.botId, BOT_APP_ID);
  });

  it("keeps the listing within Teams' lengths", () => {
    assert.ok(APP_LISTING.shortDescription.length <= 80);
    assert.ok(APP_LISTING.fullDescription.length <= 4000);
    assert.ok(APP_LISTING.fullName.length <= 100);
  });
});
