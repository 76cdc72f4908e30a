import assert from "node:assert/strict";
import { TEAMS_PACING } from "../../bot/posting/pacedSender";
import { assignArea, startGroupScenario } from "../support/groupScenario";
import { noticesSince, postedAreaCards } from "./connectorRecords";

/**
 * Teams keeps answering 429 past the paced sender's bounded attempts. What happens is explicit:
 * posting stops at that card, its claim is released (nothing pending, nothing marked posted), the
 * person who typed `start` is told to type it again, and doing so posts every card exactly once.
 */
describe("posting when Teams throttles longer than the bounded attempts", function () {
  this.timeout(60_000);

  it("when the bounded attempts run out: stops, releases the card, tells the lead to `start` again, which then posts each card once", async () => {
    const retry = { maxAttempts: 2, baseDelayMs: 20, maxDelayMs: 2_000 };
    const scenario = await startGroupScenario({ appOptions: { pacing: { limits: TEAMS_PACING.limits, retry } } });
    try {
      const { connector } = scenario.harness;
      await assignArea(scenario, 7);
      connector.throttleFor(120_000, 1, "creates");
      let from = connector.recorded.length;
      await scenario.say(scenario.lead, "start");
      await scenario.harness.app.idle();
      const [stopped] = noticesSince(connector, from, /^Area 7 is partly posted$/);
      assert.ok(
        stopped?.some(
          (text) => text.includes("Teams kept asking us to slow down") && text.includes("Type **start** again"),
        ),
        stopped?.join(" | "),
      );
      const tried = connector.attempts.filter((attempt) => attempt.target === scenario.channel.channelId);
      assert.ok(tried.every((attempt) => attempt.status === 429));
      // One request per paced attempt: the Bot Connector client must not retry on its own (withoutConnectorClientRetries).
      assert.equal(tried.length, retry.maxAttempts);
      assert.deepEqual(
        await scenario.harness.app.services.storage.postedCards.list(scenario.assessmentId, 7),
        [],
        "no claim left pending",
      );

      connector.throttleFor(0, 0);
      from = connector.recorded.length;
      await scenario.say(scenario.lead, "start");
      await scenario.harness.app.idle();
      assert.equal(noticesSince(connector, from, /^Area 7 is ready$/).length, 1);
      const keys = postedAreaCards(connector).map((card) => card.key);
      assert.equal(keys.length, 17);
      assert.equal(new Set(keys).size, 17, "each card once");
    } finally {
      await scenario.harness.close();
    }
  });
});
