import { chromium, type Browser } from "playwright-core";
import { findChromium } from "../../scripts/cardGallery/chromium";

/**
 * Debian's Chromium driven by playwright-core (no browser download): headless, as root in a
 * container (no sandbox, no GPU), nothing phoning home. playwright-core adds --headless and gives
 * every launch a fresh temporary --user-data-dir of its own (it refuses one passed in args).
 */
const FLAGS = [
  "--disable-gpu",
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function launchChromium(env: NodeJS.ProcessEnv): Promise<Browser> {
  const executablePath = findChromium(env);
  if (!executablePath)
    throw new Error(
      "Chromium is not installed: apt-get install -y chromium (or set CHROMIUM_PATH). npm test installs it when it can (scripts/ensureChromium.sh).",
    );
  return chromium.launch({ executablePath, headless: true, args: FLAGS });
}
