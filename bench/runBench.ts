import { fork } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedAzurite, type EmbeddedAzurite } from "../storage/embeddedAzurite";
import type { CompileCaseResult } from "./compileCase";
import { round } from "./percentiles";
import { runPosting, type PostingResult } from "./postingBench";
import {
  medianRound,
  pairedRatio,
  runSubmitLevel,
  SUBMIT_ROUNDS,
  type PairedRatio,
  type SubmitLevelResult,
} from "./submitBench";
import type { LoadResult } from "./loadGenerator";

/**
 * Benchmarks, each against a baseline measured in the same run:
 *  1. submit path at concurrency 1, 10, 50: the real bot (journal off, and on: the embedded default)
 *     vs two bare botbuilder anchors (a constant card; zod validation + one entity written, the
 *     storage work the bot does too);
 *  2. posting area 7 with real Teams pacing vs the theoretical minimum, and through 429s;
 *  3. compile + documents at ~1k, ~10k, ~100k answers vs the 1k case.
 * Usage: tsx bench/runBench.ts [submit] [posting] [compile]   (default: all)
 */
const SUBMIT_LEVELS = [1, 10, 50];
/**
 * Answers per round and target. 300 made a round at concurrency 10 last under a second, the span of
 * one major GC: the same code measured ×0.66–×0.78 of the storing anchor from run to run. At 1,000
 * a round lasts 2–4 s there; at concurrency 1, 300 already take 2 s.
 */
const answersPerRound = (concurrency: number) => (concurrency === 1 ? 300 : 1_000);
const SUBMIT_WARMUP = 30;
/** ~106 statements × 0.9 answered → ~95 answers per member per area. */
const COMPILE_SIZES = [
  { label: "~1k", members: 10 },
  { label: "~10k", members: 105 },
  { label: "~100k", members: 1050 },
];

type Row = [string, string, string, string];

async function main(): Promise<void> {
  const wanted = new Set(process.argv.slice(2));
  const run = (name: string) => wanted.size === 0 || wanted.has(name);
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const rows: Row[] = [];
  const results: { submit?: SubmitLevelResult[]; posting?: PostingResult[]; compile?: CompileCaseResult[] } = {};

  const azurite: EmbeddedAzurite | undefined =
    run("submit") || run("posting") ? await startEmbeddedAzurite({ inMemory: true, port: 0 }) : undefined;
  try {
    if (azurite && run("submit")) {
      results.submit = [];
      for (const concurrency of SUBMIT_LEVELS) {
        log(`submit: concurrency ${concurrency}`);
        results.submit.push(
          ...(await runSubmitLevel(azurite.connectionString, concurrency, answersPerRound(concurrency), SUBMIT_WARMUP)),
        );
      }
      for (const level of results.submit) {
        const { bot, durableBot, constantAnchor, storingAnchor } = level.rounds;
        const ratios = (measured: LoadResult[]) =>
          `thr ${[storingAnchor, constantAnchor].map((anchor) => describeRatio(pairedRatio(measured, anchor, throughput))).join(" / ")}, ` +
          `p99 ${[storingAnchor, constantAnchor].map((anchor) => describeRatio(pairedRatio(measured, anchor, p99))).join(" / ")}`;
        rows.push([
          `submit ${level.phase}s c=${level.concurrency} (n=${medianRound(bot).requests}, ${SUBMIT_ROUNDS} rounds)`,
          `journal off: ${describeLoad(medianRound(bot))}; journal on: ${describeLoad(medianRound(durableBot))}`,
          `storing anchor: ${describeLoad(medianRound(storingAnchor))}; constant card: ${describeLoad(medianRound(constantAnchor))}`,
          `off ${ratios(bot)}; on ${ratios(durableBot)} (storing / constant); durability costs ${describeRatio(pairedRatio(durableBot, bot, throughput))} throughput`,
        ]);
      }
    }

    if (azurite && run("posting")) {
      log("posting: area 7 with Teams pacing");
      const clean = await runPosting(azurite.connectionString, "start area 7, Teams pacing");
      log("posting: area 7 with 5 × 429 (Retry-After 1 s) on creates");
      const throttled = await runPosting(azurite.connectionString, "start area 7, 5×429 Retry-After 1s", {
        count: 5,
        retryAfterSeconds: 1,
      });
      results.posting = [clean, throttled];
      rows.push([
        `posting: ${clean.label}`,
        `span ${f(clean.spanMs / 1000, 2)} s (wall ${f(clean.wallMs / 1000, 2)} s), ${clean.creates} creates; max ${clean.maxIn1s}/1 s, ${clean.maxIn2s}/2 s sliding`,
        `min span ${f(clean.theoreticalSpanMs / 1000, 2)} s: 17 sends at 7 per 2 s = (ceil(17/7)−1)×2 s`,
        `×${f(clean.spanMs / clean.theoreticalSpanMs, 2)} of min; lost ${clean.lost}, duplicated ${clean.duplicated}`,
      ]);
      rows.push([
        `posting: ${throttled.label}`,
        `wall ${f(throttled.wallMs / 1000, 2)} s (span ${f(throttled.spanMs / 1000, 2)} s), ${throttled.creates} creates, ${throttled.throttled} throttled; max ${throttled.maxIn1s}/1 s, ${throttled.maxIn2s}/2 s sliding`,
        `min wall ${f(throttled.theoreticalWallMs / 1000, 2)} s = 5×1 s Retry-After + ${f(throttled.theoreticalSpanMs / 1000, 2)} s`,
        `×${f(throttled.wallMs / throttled.theoreticalWallMs, 2)} of min; lost ${throttled.lost}, duplicated ${throttled.duplicated}`,
      ]);
    }
  } finally {
    await azurite?.stop();
  }

  if (run("compile")) {
    results.compile = [];
    for (const size of COMPILE_SIZES) {
      log(`compile: ${size.label} answers (membersPerArea ${size.members})`);
      results.compile.push(await compileInChild(size.members));
    }
    const [base] = results.compile;
    const perK = (result: CompileCaseResult) => result.totalMs / (result.answers / 1000);
    results.compile.forEach((result, index) => {
      rows.push([
        `compile ${COMPILE_SIZES[index]?.label ?? ""} (${result.answers} answers, ${result.membersPerArea}/area)`,
        `${f(result.totalMs, 0)} ms (compile ${f(result.compileMs, 0)} + docs ${f(result.documentsMs, 0)}), ${f(perK(result), 1)} ms/1k answers`,
        `peak rss +${f(result.peakRssDeltaMb, 0)} MB, heapUsed ≤${f(result.peakHeapUsedMb, 0)} MB`,
        index === 0 || base === undefined
          ? "baseline"
          : `time ×${f(result.totalMs / base.totalMs, 1)} for answers ×${f(result.answers / base.answers, 1)}; ms/1k ×${f(perK(result) / perK(base), 2)}; rss ×${f(result.peakRssDeltaMb / base.peakRssDeltaMb, 1)}`,
      ]);
    });
  }

  const totalSeconds = (performance.now() - t0) / 1000;
  printTable(["benchmark", "measured", "baseline", "ratio"], rows);
  console.log(`\ntotal ${f(totalSeconds, 1)} s`);
  const outDir = path.join(__dirname, "results");
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, "latest.json");
  writeFileSync(
    file,
    `${JSON.stringify({ startedAt, node: process.version, totalSeconds: round(totalSeconds, 1), table: rows, results }, null, 2)}\n`,
  );
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

/** Runs bench/compileCase.ts in a child (same tsx loader via execArgv) so peak memory is per case. */
function compileInChild(membersPerArea: number): Promise<CompileCaseResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, "compileCase.ts"), [String(membersPerArea)], {
      execArgv: process.execArgv,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: CompileCaseResult | undefined;
    child.on("message", (message) => (result = message as CompileCaseResult));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (result) resolve(result);
      else reject(new Error(`compile case ${membersPerArea} exited with ${code}`));
    });
  });
}

function describeLoad(load: LoadResult): string {
  return `${f(load.throughput, 0)} req/s, p50 ${f(load.p50Ms, 1)} ms, p99 ${f(load.p99Ms, 1)} ms${load.failures ? `, ${load.failures} FAILED` : ""}`;
}

const throughput = (load: LoadResult) => load.throughput;
const p99 = (load: LoadResult) => load.p99Ms;

/** "×0.84 (0.71–0.93)": the median of the per-round ratios and their range. */
function describeRatio(ratio: PairedRatio): string {
  return `×${f(ratio.median, 2)} (${f(ratio.min, 2)}–${f(ratio.max, 2)})`;
}

function f(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function printTable(header: Row, rows: Row[]): void {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (row: Row) => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  rows.forEach((row) => {
    console.log(line(row));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
