import assert from "node:assert/strict";
import sinon from "sinon";
import { PacedSender } from "../../../bot/posting/pacedSender";
import type { SendOutcome } from "../../../bot/posting/sendOutcome";

describe("PacedSender", () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: 0, toFake: ["setTimeout", "Date"] });
  });
  afterEach(() => {
    sinon.restore();
  });

  function sender(maxAttempts = 4): PacedSender {
    return new PacedSender({
      limits: [{ max: 7, perMs: 2000 }],
      retry: { maxAttempts, baseDelayMs: 100, maxDelayMs: 10_000 },
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: () => 1,
      now: () => Date.now(),
    });
  }

  it("waits for Retry-After and then delivers exactly once", async () => {
    const attempt = sinon.stub<[], Promise<SendOutcome>>();
    attempt.onCall(0).resolves({ kind: "throttled", retryAfterMs: 3000 });
    attempt.onCall(1).resolves({ kind: "sent", activityId: "1", conversationId: "c" });
    const result = sender().send("c", attempt);
    await clock.tickAsync(2999);
    assert.equal(attempt.callCount, 1, "no retry before Retry-After has passed");
    await clock.tickAsync(1);
    assert.deepEqual(await result, { kind: "sent", activityId: "1", conversationId: "c" });
    assert.equal(attempt.callCount, 2);
  });

  it("gives up after the last attempt and says so, instead of retrying forever", async () => {
    const attempt = sinon.stub<[], Promise<SendOutcome>>().resolves({ kind: "throttled" });
    const result = sender(3).send("c", attempt);
    await clock.tickAsync(60_000);
    assert.equal((await result).kind, "throttled");
    assert.equal(attempt.callCount, 3);
  });

  it("does not retry a user who blocked the bot", async () => {
    const attempt = sinon
      .stub<[], Promise<SendOutcome>>()
      .resolves({ kind: "recipientGone", reason: "MessageWritesBlocked" });
    assert.equal((await sender().send("c", attempt)).kind, "recipientGone");
    assert.equal(attempt.callCount, 1);
  });

  it("spaces sends to one conversation under 7 per 2 s and keeps their order", async () => {
    const sentAt: Array<{ index: number; at: number }> = [];
    const paced = sender();
    const all = Array.from({ length: 15 }, (_, index) =>
      paced.send("c", () => {
        sentAt.push({ index, at: Date.now() });
        return Promise.resolve({ kind: "sent", activityId: String(index), conversationId: "c" });
      }),
    );
    await clock.tickAsync(10_000);
    await Promise.all(all);
    assert.deepEqual(
      sentAt.map((entry) => entry.index),
      [...Array(15).keys()],
    );
    for (const { at } of sentAt)
      assert.ok(sentAt.filter((other) => other.at >= at && other.at < at + 2000).length <= 7);
    assert.equal(sentAt[14]?.at, 4000);
  });
});
