import { fuzzSeed } from "./fuzzSeed";

/**
 * Counts what the fuzzers generated across every file of one mocha run and prints the total once,
 * from a root-level after() hook, so the "≥ 10,000 inputs" claim is visible in every run's output.
 */
export type FuzzCategory = "card payloads" | "command texts" | "raw HTTP requests";
/** Over HTTP to the running bot, or in-process at the parsing/rendering/storage-codec boundary. */
export type FuzzPath = "http" | "in-process";

const tally = new Map<string, number>();
let printed = false;

export function countFuzzed(category: FuzzCategory, path: FuzzPath): void {
  const key = `${category}|${path}`;
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

function count(category: FuzzCategory, path?: FuzzPath): number {
  return [...tally]
    .filter(([key]) => key.startsWith(`${category}|`) && (path === undefined || key.endsWith(`|${path}`)))
    .reduce((sum, [, n]) => sum + n, 0);
}

/** Registered as a root after() by every fuzz file; only the first call prints (all root hooks run at the end). */
export function printFuzzTally(): void {
  if (printed) return;
  printed = true;
  const cards = count("card payloads");
  const commands = count("command texts");
  const requests = count("raw HTTP requests");
  const byPath = (category: FuzzCategory) =>
    `${count(category, "http")} over HTTP, ${count(category, "in-process")} in-process`;
  console.log(
    `  fuzzed ${cards} card payloads (${byPath("card payloads")}), ${commands} command texts (${byPath("command texts")}) and ${requests} raw HTTP requests: ` +
      `${cards + commands + requests} inputs, seed ${fuzzSeed()}`,
  );
}
