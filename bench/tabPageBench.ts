import { gzipSync } from "node:zlib";
import { startEmbeddedAzurite } from "../storage/embeddedAzurite";
import { startLocalBot } from "../simulator/localBot";
import { launchChromium } from "../simulator/browser/launchChromium";
import { makePerson } from "../simulator/teams/people";
import { TENANT_ID } from "../simulator/teams/teamsActivities";
import { percentile } from "./percentiles";

const RUNS = 5;

/**
 * `npm run bench:tab`: what the tab ships and how fast it first renders, on loopback.
 *  - Page weight: the HTML and every script and stylesheet the page loads, raw and gzipped (Fluent
 *    UI puts its styles in <style> elements from the script, so there is no stylesheet to fetch).
 *  - Time to first render: Chromium opens the coordinator's overview in a fresh context (empty
 *    cache) RUNS times after one warm-up (the first script request bundles the tab with esbuild);
 *    first contentful paint and the moment the page's <h1> is on screen (after /me and the overview
 *    answered), median of the runs. Not a test: numbers depend on the machine and its load.
 */
async function main(): Promise<void> {
  const coordinator = makePerson("Chris Coordinator");
  const azurite = await startEmbeddedAzurite({ inMemory: true, port: 0 });
  const bot = await startLocalBot({
    tablesConnectionString: azurite.connectionString,
    coordinators: [coordinator.aadObjectId],
  });
  const browser = await launchChromium(process.env);
  try {
    const query = new URLSearchParams({
      devUser: coordinator.aadObjectId,
      devName: coordinator.name,
      devTenant: TENANT_ID,
      view: "overview",
    });
    const address = `${bot.url}/tab?${query}`;
    const bundleStarted = performance.now();
    const open = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const loaded: Array<{ url: string; type: string }> = [];
      page.on("request", (request) => loaded.push({ url: request.url(), type: request.resourceType() }));
      const started = performance.now();
      await page.goto(address, { timeout: 180_000 });
      await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor({ timeout: 120_000 });
      const headingMs = performance.now() - started;
      const fcpMs = await page.evaluate(
        () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
      );
      await context.close();
      return { headingMs, fcpMs, loaded };
    };
    const warmUp = await open();
    const firstMs = performance.now() - bundleStarted;
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await open());

    const shipped = warmUp.loaded.filter((entry) => ["document", "script", "stylesheet"].includes(entry.type));
    console.log("Tab page weight (what the page loads from the bot):");
    let raw = 0;
    let gzipped = 0;
    for (const entry of shipped) {
      const bytes = Buffer.from(await (await fetch(entry.url)).arrayBuffer());
      const packed = gzipSync(bytes).length;
      raw += bytes.length;
      gzipped += packed;
      console.log(
        `  ${entry.type.padEnd(10)} ${new URL(entry.url).pathname.padEnd(12)} ${kb(bytes.length)} raw, ${kb(packed)} gzip`,
      );
    }
    console.log(
      `  stylesheets: ${shipped.some((entry) => entry.type === "stylesheet") ? "see above" : "none (Fluent UI injects its CSS from the script)"}`,
    );
    console.log(`  total      ${kb(raw)} raw, ${kb(gzipped)} gzip`);
    console.log(`First open (includes bundling the tab with esbuild): ${ms(firstMs)}`);
    console.log(`Time to first render, median of ${RUNS} fresh contexts on loopback:`);
    console.log(
      medianLine(
        "first contentful paint",
        runs.map((run) => run.fcpMs),
      ),
    );
    console.log(
      medianLine(
        "overview heading shown",
        runs.map((run) => run.headingMs),
      ),
    );
  } finally {
    await browser.close();
    await bot.close();
    await azurite.stop();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const medianLine = (label: string, values: number[]) =>
  `  ${label} ${ms(percentile(values, 50))}  (runs: ${values.map((value) => ms(value)).join(", ")})`;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
