import assert from "node:assert/strict";
import { SlidingWindow } from "../../../bot/posting/slidingWindow";
import { TEAMS_PACING } from "../../../bot/posting/pacedSender";
import { parseRetryAfter } from "../../../bot/posting/sendOutcome";
import { retryDelayMs, DEFAULT_RETRY_POLICY } from "../../../bot/posting/retryPolicy";

describe("pacing", () => {
  it("allows 7 sends in any 2 s, never 14 across a boundary", () => {
    const window = new SlidingWindow([{ max: 7, perMs: 2000 }]);
    let now = 0;
    const sentAt: number[] = [];
    for (let index = 0; index < 21; index += 1) {
      now += window.delayBefore(now);
      window.record(now);
      sentAt.push(now);
      now += 1;
    }
    for (const start of sentAt) assert.ok(sentAt.filter((at) => at >= start && at < start + 2000).length <= 7);
    assert.ok((sentAt[20] ?? 0) >= 4000);
  });

  it("with Teams' limits, a busy conversation's 1,801st send in an hour waits for the hour window", () => {
    const window = new SlidingWindow(TEAMS_PACING.limits);
    let now = 0;
    for (let index = 0; index < 1800; index += 1) {
      now += window.delayBefore(now);
      window.record(now);
    }
    // 60 per 30 s lets 1,800 through in about 15 minutes; the hour limit then holds the next one.
    assert.ok(now < 15 * 60_000, `1,800 sends took ${now} ms`);
    assert.equal(now + window.delayBefore(now), 3_600_000);
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    assert.equal(parseRetryAfter("3", now), 3000);
    assert.equal(parseRetryAfter("Mon, 23 Nov 2026 10:00:05 GMT", now), 5000);
    assert.equal(parseRetryAfter("soon", now), undefined);
  });

  it("backs off exponentially with jitter when Teams gives no Retry-After, and obeys it when given", () => {
    assert.equal(
      retryDelayMs(0, 1500, DEFAULT_RETRY_POLICY, () => 0.5),
      1500,
    );
    const low = retryDelayMs(3, undefined, DEFAULT_RETRY_POLICY, () => 0);
    const high = retryDelayMs(3, undefined, DEFAULT_RETRY_POLICY, () => 1);
    assert.equal(low, 2000);
    assert.equal(high, 4000);
    assert.ok(retryDelayMs(20, undefined, DEFAULT_RETRY_POLICY, () => 1) <= DEFAULT_RETRY_POLICY.maxDelayMs);
  });
});
