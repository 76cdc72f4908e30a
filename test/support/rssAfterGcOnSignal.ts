/**
 * Preloaded into a test's bot process (with --expose-gc; see test/support/botProcess.ts nodeArgs): on
 * SIGUSR2 it collects garbage and writes the resident set size to stderr as `{"rssAfterGc":<bytes>}`,
 * so a test can compare memory before and after a run without touching the bot's code.
 */
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error("rssAfterGcOnSignal needs node --expose-gc");
process.on("SIGUSR2", () => {
  collect();
  process.stderr.write(`${JSON.stringify({ rssAfterGc: process.memoryUsage.rss() })}\n`);
});
