import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";

const BINARIES = ["chromium", "chromium-browser", "google-chrome"];
/** Headless Chromium as root in a container: no sandbox, no GPU. */
const FLAGS = ["--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--force-device-scale-factor=1"];
const TIMEOUT_MS = 60_000;

/** CHROMIUM_PATH (which must exist), else the first of chromium, chromium-browser, google-chrome on PATH. */
export function findChromium(env: NodeJS.ProcessEnv): string | undefined {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    if (!existsSync(explicit))
      throw new Error(
        `CHROMIUM_PATH=${explicit} does not exist: point it at a Chromium or Chrome binary, or unset it.`,
      );
    return explicit;
  }
  const folders = (env.PATH ?? "").split(delimiter).filter((folder) => folder !== "");
  for (const binary of BINARIES) {
    const found = folders.map((folder) => join(folder, binary)).find((candidate) => existsSync(candidate));
    if (found) return found;
  }
  return undefined;
}

/** The page's DOM after its scripts ran (used to read the heights the page measured of itself). */
export function dumpDom(chromium: string, htmlPath: string, size: { width: number; height: number }): string {
  return run(chromium, ["--dump-dom", `--window-size=${size.width},${size.height}`, pathToFileURL(htmlPath).href]);
}

export function screenshot(
  chromium: string,
  htmlPath: string,
  pngPath: string,
  size: { width: number; height: number },
): void {
  run(chromium, [
    `--screenshot=${pngPath}`,
    `--window-size=${size.width},${size.height}`,
    pathToFileURL(htmlPath).href,
  ]);
  if (!existsSync(pngPath)) throw new Error(`Chromium wrote no screenshot to ${pngPath}`);
}

function run(chromium: string, args: readonly string[]): string {
  const result = spawnSync(chromium, [...FLAGS, ...args], {
    encoding: "utf8",
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(
      `${chromium} exited with ${result.status}: ${result.stderr.trim().split("\n").slice(-3).join(" | ")}`,
    );
  return result.stdout;
}
