import assert from "node:assert/strict";
import { openTestStorage, type TestStorage } from "../support/openTestStorage";

const AT = "2026-03-02T10:00:00.000Z";

describe("PostedCardRepository", () => {
  let test: TestStorage;
  beforeEach(async () => (test = await openTestStorage()));

  it("claims once: claimed, then pending, then alreadyPosted once marked", async () => {
    const cards = test.storage.postedCards;
    assert.equal(await cards.claim("assessment-1", 7, "intro", "19:c@thread.tacv2", AT), "claimed");
    assert.equal(await cards.claim("assessment-1", 7, "intro", "19:c@thread.tacv2", AT), "pending");
    await cards.markPosted(
      "assessment-1",
      7,
      "intro",
      { activityId: "1700000000001", conversationId: "19:c@thread.tacv2;messageid=1700000000001" },
      AT,
    );
    assert.equal(await cards.claim("assessment-1", 7, "intro", "19:c@thread.tacv2", AT), "alreadyPosted");
    assert.deepEqual(await cards.get("assessment-1", 7, "intro"), {
      assessmentId: "assessment-1",
      areaNumber: 7,
      cardKey: "intro",
      conversationId: "19:c@thread.tacv2;messageid=1700000000001",
      claimedAt: AT,
      state: "posted",
      activityId: "1700000000001",
      postedAt: AT,
    });
  });

  it("lets exactly one of many concurrent claims win", async () => {
    const claims = await Promise.all(
      Array.from({ length: 10 }, () => test.storage.postedCards.claim("assessment-1", 7, "7a", "19:c", AT)),
    );
    assert.deepEqual(claims.filter((claim) => claim === "claimed").length, 1);
  });

  it("releases a pending claim so it can be claimed again, but never a posted card", async () => {
    const cards = test.storage.postedCards;
    await cards.claim("assessment-1", 7, "7a", "19:c", AT);
    await cards.release("assessment-1", 7, "7a");
    assert.equal(await cards.claim("assessment-1", 7, "7a", "19:c", AT), "claimed");
    await cards.markPosted(
      "assessment-1",
      7,
      "7a",
      { activityId: "activity-1", conversationId: "19:c@thread.tacv2;messageid=activity-1" },
      AT,
    );
    await cards.release("assessment-1", 7, "7a");
    assert.equal((await cards.get("assessment-1", 7, "7a"))?.state, "posted");
    await cards.release("assessment-1", 7, "never-claimed");
    await assert.rejects(
      cards.markPosted("assessment-1", 7, "never-claimed", { activityId: "x", conversationId: "c" }, AT),
      /without a claim/,
    );
  });

  it("lists one area's cards only", async () => {
    const cards = test.storage.postedCards;
    await cards.claim("assessment-1", 7, "intro", "19:c", AT);
    await cards.claim("assessment-1", 7, "global", "19:c", AT);
    await cards.claim("assessment-1", 8, "intro", "19:c", AT);
    assert.deepEqual(
      (await cards.list("assessment-1", 7)).map((card) => card.cardKey),
      ["global", "intro"],
    );
  });
});
