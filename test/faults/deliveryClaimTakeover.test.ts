import assert from "node:assert/strict";
import { openTestStorage } from "../support/openTestStorage";

/**
 * The lease under digest deliveries (bot/posting/sendDigest): a pending claim is taken over only
 * once it has gone stale, a renewal keeps it alive, and finished deliveries are never taken over.
 */
describe("delivery claims left by a dead process", () => {
  it("are taken over only when stale; renewals keep them alive; done ones stay done", async () => {
    let now = new Date("2026-03-02T10:15:00.000Z");
    const { storage } = await openTestStorage({ now: () => now });
    const { deliveries } = storage;
    assert.equal(await deliveries.claim("digest", "run-1", "lead-a"), "claimed");
    assert.equal(await deliveries.claim("digest", "run-1", "lead-a"), "pending");

    now = new Date("2026-03-02T10:15:08.000Z");
    await deliveries.renew("digest", "run-1", "lead-a");
    assert.equal(
      await deliveries.takeOverStale("digest", "run-1", "lead-a", new Date("2026-03-02T10:15:05.000Z")),
      false,
      "renewed at :08, so not stale before :05",
    );
    assert.equal(
      await deliveries.takeOverStale("digest", "run-1", "lead-a", new Date("2026-03-02T10:15:09.000Z")),
      true,
      "not renewed since :08",
    );
    assert.equal((await deliveries.get("digest", "run-1", "lead-a"))?.state, "pending");

    await deliveries.markDone("digest", "run-1", "lead-a");
    await deliveries.renew("digest", "run-1", "lead-a");
    assert.equal(
      await deliveries.takeOverStale("digest", "run-1", "lead-a", new Date("2026-03-02T11:00:00.000Z")),
      false,
    );
    assert.equal((await deliveries.get("digest", "run-1", "lead-a"))?.state, "done");
    assert.equal(
      await deliveries.takeOverStale("digest", "run-1", "nobody", new Date("2026-03-02T11:00:00.000Z")),
      false,
      "no claim, nothing to take over",
    );
  });
});
