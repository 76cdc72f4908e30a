import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { loadAppPackageConfig } from "../../bot/configAppPackage";
import { APP_LISTING } from "../../deploy/appPackage/appListing";
import { buildAppPackage } from "../../deploy/appPackage/buildAppPackage";
import { appPackageEnv } from "./support/appPackageEnv";
import { decodePng, readPngSize, type DecodedPng } from "./support/decodePng";

function pixel(png: DecodedPng, x: number, y: number): [number, number, number, number] {
  const at = (y * png.width + x) * 4;
  return [png.rgba[at] ?? -1, png.rgba[at + 1] ?? -1, png.rgba[at + 2] ?? -1, png.rgba[at + 3] ?? -1];
}

function hex(color: string): [number, number, number] {
  return [1, 3, 5].map((start) => Number.parseInt(color.slice(start, start + 2), 16)) as [number, number, number];
}

describe("buildAppPackage", () => {
  let dir: string;
  let entries: Record<string, Uint8Array>;
  let result: Awaited<ReturnType<typeof buildAppPackage>>;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "app-package-"));
    result = await buildAppPackage({
      config: loadAppPackageConfig(appPackageEnv()),
      outFile: path.join(dir, "build", "appPackage.zip"),
    });
    assert.ok(result.ok, result.ok ? "" : result.problems.join("\n"));
    entries = unzipSync(await readFile(result.outFile));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("zips exactly manifest.json, color.png and outline.png at the root", () => {
    assert.deepEqual(Object.keys(entries).sort(), ["color.png", "manifest.json", "outline.png"]);
  });

  it("stores the manifest it built and validated", () => {
    assert.ok(result.ok);
    const stored: unknown = JSON.parse(new TextDecoder().decode(entries["manifest.json"]));
    assert.deepEqual(stored, result.manifest);
  });

  it("renders the colour icon at 192×192 on the accent colour, corners left transparent", () => {
    const color = entries["color.png"] ?? new Uint8Array();
    assert.deepEqual(readPngSize(color), { width: 192, height: 192 });
    const png = decodePng(color);
    assert.deepEqual(pixel(png, 10, 96), [...hex(APP_LISTING.accentColor), 255]);
    assert.equal(pixel(png, 0, 0)[3], 0);
  });

  it("renders the outline icon at 32×32, white on transparent", () => {
    const outline = entries["outline.png"] ?? new Uint8Array();
    assert.deepEqual(readPngSize(outline), { width: 32, height: 32 });
    const png = decodePng(outline);
    assert.equal(png.colorType, 6, "needs an alpha channel");
    let transparent = 0;
    let visible = 0;
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        const [r, g, b, a] = pixel(png, x, y);
        if (a === 0) transparent++;
        else {
          visible++;
          assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${x},${y} is not white`);
        }
      }
    }
    assert.ok(transparent > 32 * 32 * 0.4, `only ${transparent} transparent pixels`);
    assert.ok(visible > 32 * 4, `only ${visible} visible pixels`);
  });

  it("gives the same bytes for the same inputs", async () => {
    const again = await buildAppPackage({
      config: loadAppPackageConfig(appPackageEnv()),
      outFile: path.join(dir, "again.zip"),
    });
    assert.ok(again.ok && result.ok);
    assert.deepEqual(await readFile(again.outFile), await readFile(result.outFile));
  });

  it("writes nothing and lists the problems when the manifest is invalid", async () => {
    const config = {
      ...loadAppPackageConfig(appPackageEnv()),
      shortName: "A short name that is far too long for Teams",
    };
    const outFile = path.join(dir, "invalid.zip");
    const invalid = await buildAppPackage({ config, outFile });
    assert.deepEqual(invalid, {
      ok: false,
      problems: [
        'name.short: must NOT have more than 30 characters (found "A short name that is far too long for Teams")',
      ],
    });
    assert.equal(existsSync(outFile), false);
  });
});
