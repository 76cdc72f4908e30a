import type { BotProcess } from "./botProcess";
import { waitFor } from "./waitFor";

/** Node options that let rssAfterGc() measure a bot process (test/support/rssAfterGcOnSignal.ts). */
export const RSS_PROBE_NODE_ARGS = ["--expose-gc", "--import", "./test/support/rssAfterGcOnSignal.ts"] as const;

/** The bot process's resident set size in bytes right after a full garbage collection. */
export async function rssAfterGc(bot: BotProcess): Promise<number> {
  const seen = bot.stderrLines.length;
  process.kill(bot.pid, "SIGUSR2");
  let rss: number | undefined;
  await waitFor(() => {
    const line = bot.stderrLines.slice(seen).find((candidate) => candidate.startsWith('{"rssAfterGc":'));
    rss = line === undefined ? undefined : (JSON.parse(line) as { rssAfterGc: number }).rssAfterGc;
    return rss !== undefined;
  }, "the bot process to report its RSS after gc");
  if (rss === undefined) throw new Error("no RSS report from the bot process");
  return rss;
}
