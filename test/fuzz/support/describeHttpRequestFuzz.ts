import assert from "node:assert/strict";
import fc from "fast-check";
import type { BotProcess } from "../../support/botProcess";
import { startAuthenticatedBotProcess } from "../../support/authenticatedBotProcess";
import { rawHttpRequest } from "../../support/rawHttpRequest";
import { rssAfterGc, RSS_PROBE_NODE_ARGS } from "../../support/rssAfterGc";
import { fuzzedHttpRequest, type FuzzedHttpRequest } from "../arbitraries/fuzzedHttpRequest";
import { countFuzzed, printFuzzTally } from "./fuzzTally";
import { fuzzSeed } from "./fuzzSeed";

const HEALTH_CHECK_EVERY = 200;
const RSS_GROWTH_MAX_BYTES = 50 * 1024 * 1024;
/** Statuses a request with lying framing or abused headers may get: Node's parser (400, 413, 431) or the bot's own refusals. */
const ABUSED_STATUSES = new Set([400, 401, 413, 414, 415, 431]);
/** A seed offset of its own, so this file's inputs do not repeat another fuzzer's. */
const SEED_OFFSET = 700;

/**
 * Raw HTTP requests to POST /api/messages of the real bot process (`npm start`) with authentication
 * ON: encodings, media types, truncated and oversized bodies, gzip bombs, framing lies and header
 * abuse. Every well-framed request gets exactly the status its content calls for (415, 413, 400 or
 * 401, never 5xx); an abused one a 4xx or a closed connection. Afterwards the process is the same
 * one, /healthz answers, and its RSS after gc is within 50 MB of where it started.
 */
export function describeHttpRequestFuzz(options: { numRuns: number; lanes: number }): void {
  after(printFuzzTally);

  describe(`raw HTTP requests fuzzed against the bot process (${options.numRuns} requests, ${options.lanes} at a time, authentication on)`, function () {
    this.timeout(options.numRuns * 100 + 120_000);
    let running: BotProcess | undefined;
    before(async () => {
      running = await startAuthenticatedBotProcess({}, RSS_PROBE_NODE_ARGS);
    });
    after(async () => running?.stop());

    it("answers every request as its content calls for, stays up, and gives back its memory", async () => {
      const bot = running;
      assert.ok(bot, "the bot process started");
      const outcomes = new Map<string, number>();
      // Warm up every path (parsers, the SDK's auth code, JIT) before the baseline.
      await fc.assert(
        fc.asyncProperty(fuzzedHttpRequest, (request) => send(bot, request, new Map())),
        { seed: fuzzSeed() + SEED_OFFSET - 1, numRuns: 50 },
      );
      const rssBefore = await rssAfterGc(bot);
      const started = Date.now();
      let sent = 0;
      await Promise.all(
        Array.from({ length: options.lanes }, (_, lane) =>
          fc.assert(
            fc.asyncProperty(fuzzedHttpRequest, async (request) => {
              await send(bot, request, outcomes);
              countFuzzed("raw HTTP requests", "http");
              sent += 1;
              if (sent % HEALTH_CHECK_EVERY === 0)
                assert.equal((await fetch(`${bot.url}/healthz`)).status, 200, `/healthz after ${sent} requests`);
            }),
            { seed: fuzzSeed() + SEED_OFFSET + lane, numRuns: Math.ceil(options.numRuns / options.lanes) },
          ),
        ),
      );
      const rssAfter = await rssAfterGc(bot);
      assert.equal((await fetch(`${bot.url}/healthz`)).status, 200, "/healthz after the run");
      process.kill(bot.pid, 0);
      const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
      const byOutcome = [...outcomes]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([outcome, count]) => `${outcome}: ${count}`)
        .join(", ");
      console.log(
        `    ${sent} raw HTTP requests in ${((Date.now() - started) / 1000).toFixed(1)} s; ${byOutcome}; RSS after gc ${mb(rssBefore)} MB before, ${mb(rssAfter)} MB after`,
      );
      assert.ok(
        rssAfter - rssBefore < RSS_GROWTH_MAX_BYTES,
        `RSS after gc grew from ${mb(rssBefore)} MB to ${mb(rssAfter)} MB`,
      );
    });
  });
}

async function send(bot: BotProcess, request: FuzzedHttpRequest, outcomes: Map<string, number>): Promise<void> {
  const outcome = await rawHttpRequest(bot.url, request.bytes);
  const key = outcome.status === undefined ? "closed without an answer" : String(outcome.status);
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  if (request.expected !== undefined)
    assert.equal(outcome.status, request.expected, `${request.label}: ${outcome.text.slice(0, 300)}`);
  else
    assert.ok(
      outcome.status === undefined || ABUSED_STATUSES.has(outcome.status),
      `${request.label}: ${outcome.text.slice(0, 300)}`,
    );
}
