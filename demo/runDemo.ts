import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { playAssessment } from "./playAssessment";
import { startDemoBot } from "./startDemoBot";
import { describePacing, scaledTeamsPacing } from "./demoPacing";
import { formatSummary } from "./printSummary";
import { writeOutputs } from "./writeOutputs";
import { writeTabScreens } from "./writeTabScreens";

/** Real Teams pacing would make 126 cards take minutes; a tenth keeps its shape and the run short. */
const PACING_SCALE = 0.1;
/** Three per group gives the "about 30 members" (each in one group) and keeps the run short. */
const DEFAULT_MEMBERS_PER_AREA = 3;

/**
 * `npm run demo [-- --out DIR --seed N --members N]`: a four-week self-assessment played end to
 * end over HTTP against a fresh bot, then a second cycle a year later (`new cycle`), then a summary
 * printed and the digests and both cycles' compiled files written (the second in cycle-2/).
 */
async function main(): Promise<void> {
  const started = Date.now();
  const { values } = parseArgs({
    options: { out: { type: "string" }, seed: { type: "string" }, members: { type: "string" } },
  });
  const seed = wholeNumber("--seed", values.seed, 2);
  const membersPerArea = wholeNumber("--members", values.members, DEFAULT_MEMBERS_PER_AREA);
  const outDir = values.out ?? join("demo-output", new Date().toISOString().replace(/[:.]/g, "-"));
  await mkdir(outDir, { recursive: true });
  const log = createWriteStream(join(outDir, "bot.log"));
  const pacing = scaledTeamsPacing(PACING_SCALE);
  const pacingLine = `Teams limits scaled ×${PACING_SCALE} for the demo (${describePacing(pacing)} per conversation)`;
  console.log(`Playing a four-week self-assessment through the bot over HTTP… (pacing: ${pacingLine})`);
  let botUrl = "";
  let tabScreens = "";
  const outcome = await playAssessment({
    seed,
    membersPerArea,
    secondCycle: true,
    openBot: async (setup) => {
      const bot = await startDemoBot({ ...setup, pacing, logDestination: log });
      botUrl = bot.url;
      return bot;
    },
    // The tab's screens are of the first cycle, taken before the second one starts.
    beforeClose: async (cast) => {
      tabScreens = await writeTabScreens(botUrl, cast, outDir);
    },
  });
  log.end();
  await finished(log);
  const summary = formatSummary(outcome, { pacing: pacingLine, outDir, elapsedMs: Date.now() - started });
  await writeOutputs(outDir, outcome, summary);
  console.log(`\n${summary}`);
  console.log(tabScreens);
}

function wholeNumber(flag: string, text: string | undefined, fallback: number): number {
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} takes a whole number above 0`);
  return value;
}

main().catch((error: unknown) => {
  console.error(`Demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
