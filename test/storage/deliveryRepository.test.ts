import assert from "node:assert/strict";
import { openTestStorage, type TestStorage } from "../support/openTestStorage";

const NOW = new Date("2026-03-02T08:00:00.000Z");

describe("DeliveryRepository", () => {
  let test: TestStorage;
  beforeEach(async () => (test = await openTestStorage({ now: () => NOW })));

  it("claims a delivery once per recipient and run", async () => {
    const deliveries = test.storage.deliveries;
    assert.equal(await deliveries.claim("digest", "2026-03-02", "29:one"), "claimed");
    assert.equal(await deliveries.claim("digest", "2026-03-02", "29:one"), "pending");
    assert.equal(await deliveries.claim("digest", "2026-03-03", "29:one"), "claimed");
    await deliveries.markDone("digest", "2026-03-02", "29:one");
    assert.equal(await deliveries.claim("digest", "2026-03-02", "29:one"), "done");
    assert.deepEqual(await deliveries.get("digest", "2026-03-02", "29:one"), {
      kind: "digest",
      runKey: "2026-03-02",
      recipient: "29:one",
      claimedAt: NOW.toISOString(),
      state: "done",
      finishedAt: NOW.toISOString(),
    });
  });

  it("records a failure that is not retried, and releases a transient one", async () => {
    const deliveries = test.storage.deliveries;
    await deliveries.claim("reminder", "r1", "29:blocked");
    await deliveries.markFailed("reminder", "r1", "29:blocked", "403 MessageWritesBlocked");
    assert.equal(await deliveries.claim("reminder", "r1", "29:blocked"), "failed");
    await deliveries.claim("reminder", "r1", "29:flaky");
    await deliveries.release("reminder", "r1", "29:flaky");
    assert.equal(await deliveries.claim("reminder", "r1", "29:flaky"), "claimed");
    const states = (await deliveries.list("reminder", "r1")).map((delivery) => [delivery.recipient, delivery.state]);
    assert.deepEqual(states, [
      ["29:blocked", "failed"],
      ["29:flaky", "pending"],
    ]);
  });
});
