import assert from "node:assert/strict";
import { COMMANDS } from "../../bot/commands/commandCatalogue";
import { loadAppPackageConfig } from "../../bot/configAppPackage";
import { APP_LISTING } from "../../deploy/appPackage/appListing";
import { buildManifest, type TeamsManifest } from "../../deploy/appPackage/buildManifest";
import { validateManifest } from "../../deploy/appPackage/validateManifest";
import { appPackageEnv } from "./support/appPackageEnv";

/** A valid manifest as plain JSON, so a test can break it in ways the types would not allow. */
function validManifestJson(): Record<string, unknown> & TeamsManifest {
  const { manifest } = buildManifest({
    config: loadAppPackageConfig(appPackageEnv()),
    listing: APP_LISTING,
    commands: COMMANDS,
  });
  return structuredClone(manifest) as Record<string, unknown> & TeamsManifest;
}

describe("validateManifest", () => {
  const cases: Array<{
    broken: string;
    breakIt: (manifest: Record<string, unknown> & TeamsManifest) => void;
    expected: RegExp;
  }> = [
    {
      broken: "name.short missing",
      breakIt: (m) => void Reflect.deleteProperty(m.name, "short"),
      expected: /^name\.short: is required$/,
    },
    {
      broken: "id not a GUID",
      breakIt: (m) => void (m.id = "self-assessment"),
      expected: /^id: must match pattern .* \(found "self-assessment"\)$/,
    },
    {
      broken: "short description over 80",
      breakIt: (m) => void (m.description.short = "x".repeat(81)),
      expected: /^description\.short: must NOT have more than 80 characters \(found 81 characters\)$/,
    },
    {
      broken: "unknown bot scope",
      breakIt: (m) => void Reflect.set(m.bots?.[0]?.scopes ?? [], 1, "meetings"),
      expected:
        /^bots\[0\]\.scopes\[1\]: must be one of "team", "personal", "groupChat", "copilot" \(found "meetings"\)$/,
    },
    {
      broken: "unknown top-level property",
      breakIt: (m) => void (m.botEndpoint = "https://x"),
      expected: /^botEndpoint: is not a property this manifest version knows$/,
    },
    {
      broken: "accentColor missing",
      breakIt: (m) => void Reflect.deleteProperty(m, "accentColor"),
      expected: /^accentColor: is required$/,
    },
  ];
  for (const { broken, breakIt, expected } of cases) {
    it(`reports ${broken} in one readable line`, async () => {
      const manifest = validManifestJson();
      breakIt(manifest);
      const problems = await validateManifest(manifest);
      assert.equal(problems.length, 1, problems.join("\n"));
      assert.match(problems[0] ?? "", expected);
    });
  }

  it("reports every problem at once", async () => {
    const manifest = validManifestJson();
    manifest.id = "x";
    manifest.description.short = "x".repeat(81);
    const problems = await validateManifest(manifest);
    assert.deepEqual(problems.map((problem) => problem.split(":")[0]).sort(), ["description.short", "id"]);
  });

  it("does not throw on something that is not a manifest at all", async () => {
    const problems = await validateManifest("manifest.json");
    assert.ok(problems.length > 0);
  });
});
