import assert from "node:assert/strict";
import { assignArea, startGroupScenario, type GroupScenario } from "../support/groupScenario";
import { noticesSince } from "../faults/connectorRecords";

/**
 * `digest` is delivered once per minute (the run key is the minute, so Teams redelivering the message
 * sends nothing twice). Asked again within that minute, nothing new goes out, and the requester is
 * told so rather than reading "sent" as a fresh digest with the latest decisions.
 */
describe("digest asked for twice within a minute", () => {
  let scenario: GroupScenario;
  afterEach(async () => scenario.harness.close());

  it("sends the digest once and says the repeat sent nothing new", async () => {
    const frozen = new Date("2026-03-02T10:15:30.000Z");
    scenario = await startGroupScenario({ memberCount: 1, appOptions: { clock: () => frozen } });
    const { harness, lead } = scenario;
    await assignArea(scenario, 7);
    const digestPages = () =>
      harness.connector.recorded.filter((entry) => entry.conversationId === `a:personal-${lead.id}`).length;

    const from = harness.connector.recorded.length;
    await scenario.say(lead, "digest");
    await harness.app.idle();
    const sentFirst = digestPages();
    assert.ok(sentFirst >= 1, "the lead got the digest");
    await scenario.say(lead, "digest");
    await harness.app.idle();
    assert.equal(digestPages(), sentFirst, "the repeat sent no page");

    const [first, repeat] = noticesSince(harness.connector, from, /^Digest sent to \d+ lead\(s\)$/);
    assert.ok(first && repeat, "the requester hears back after each command");
    assert.ok(!first.some((line) => line.includes("already sent")), first.join(" | "));
    assert.ok(
      repeat.some((line) => line.startsWith("It was already sent this minute, so nothing new went out")),
      repeat.join(" | "),
    );
  });
});
