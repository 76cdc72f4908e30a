import { strict as assert } from "node:assert";
import { buildNoticeCard } from "../../../cards/noticeCard";
import { sendCardToConversation, updateCard } from "../../../bot/teams/conversationSend";
import { startBotHarness, type BotHarness } from "../../support/botHarness";

/**
 * Proactive sends run inside the adapter's middleware, whose onTurnError swallows what the send
 * throws: each helper must still report a refused send as an outcome, or it is never retried.
 */
describe("proactive sends report the connector's refusals", () => {
  let harness: BotHarness;
  const card = buildNoticeCard({ title: "Reminder", lines: ["Three statements still need an answer."] });
  const target = () => ({ serviceUrl: harness.connector.url, conversationId: "a:personal-29:lead" });

  before(async () => {
    harness = await startBotHarness({ coordinators: [] });
  });
  after(async () => harness.close());

  it("a card sent into a throttled conversation comes back as throttled, with the Retry-After", async () => {
    harness.connector.throttleNext(1, 2);
    const outcome = await sendCardToConversation(harness.app.services, target(), card);
    assert.deepEqual(outcome, { kind: "throttled", retryAfterMs: 2000 });
    const retried = await sendCardToConversation(harness.app.services, target(), card);
    assert.equal(retried.kind, "sent");
  });

  it("a throttled card update comes back as throttled, not as sent", async () => {
    harness.connector.throttleNext(1, 0);
    const outcome = await updateCard(harness.app.services, { ...target(), activityId: "1" }, card);
    assert.equal(outcome.kind, "throttled");
  });

  it("a user who blocked the bot comes back as recipientGone", async () => {
    const sent = await sendCardToConversation(harness.app.services, target(), card);
    assert.equal(sent.kind, "sent");
    harness.connector.blockUser("29:lead");
    const outcome = await sendCardToConversation(harness.app.services, target(), card);
    assert.equal(outcome.kind, "recipientGone");
  });
});
