import assert from "node:assert/strict";
import { startGroupScenario, type GroupScenario } from "../support/groupScenario";
import { noticesSince } from "./connectorRecords";

/**
 * One of three leads has blocked the bot (403 MessageWritesBlocked). Beyond what
 * test/bot/digestModeration covers for a single lead: the blocked lead is tried exactly once (no
 * retries, not even when `digest` is typed again in the same run), the other leads still get the
 * digest once, and whoever asked is told which lead could not be reached.
 */
describe("digest to a lead who blocked the bot, among others", () => {
  let scenario: GroupScenario;
  afterEach(async () => scenario.harness.close());

  it("records the failure, tries that lead once, still delivers to the others once, and names the lead to the caller", async () => {
    // A fixed clock keeps both `digest` commands in one run (the run key is the minute).
    const frozen = new Date("2026-03-02T10:15:30.000Z");
    scenario = await startGroupScenario({ memberCount: 2, appOptions: { clock: () => frozen } });
    const { harness, coordinator, lead } = scenario;
    const [blocked, other] = scenario.members as [GroupScenario["lead"], GroupScenario["lead"]];
    assert.equal((await scenario.say(coordinator, "assign 7", [lead, blocked, other])).status, 200);
    harness.connector.blockUser(blocked.id);

    const from = harness.connector.recorded.length;
    for (let run = 0; run < 2; run += 1) {
      await scenario.say(coordinator, "digest");
      await harness.app.idle();
    }

    const refusals = harness.connector.attempts.filter((attempt) => attempt.status === 403);
    assert.equal(refusals.length, 1, "the blocked lead was tried once across both commands");
    for (const reached of [lead, other]) {
      const pages = harness.connector.recorded.filter((entry) => entry.conversationId === `a:personal-${reached.id}`);
      assert.ok(pages.length >= 1, `${reached.name} got the digest`);
      assert.equal(
        new Set(pages.map((page) => JSON.stringify(page.activity["attachments"]))).size,
        pages.length,
        `${reached.name} got each page once`,
      );
    }
    const runKey = `${scenario.assessmentId}|7|2026-03-02|10:15`;
    const deliveries = await harness.app.services.storage.deliveries.list("digest", runKey);
    const stateOf = (aadObjectId: string) => deliveries.find((delivery) => delivery.recipient === aadObjectId);
    const failed = stateOf(blocked.aadObjectId);
    assert.equal(failed?.state, "failed");
    assert.match(failed.failureReason, /^403 MessageWritesBlocked/);
    assert.deepEqual(
      [lead, other].map((person) => stateOf(person.aadObjectId)?.state),
      ["done", "done"],
    );

    const reports = noticesSince(harness.connector, from, /^Digest sent to \d+ lead\(s\)$/);
    assert.equal(reports.length, 2, "the caller hears back after each command");
    for (const report of reports) {
      assert.ok(report.includes("Digest sent to 2 lead(s)"), report.join(" | "));
      assert.ok(
        report.some((text) => text.includes(`${blocked.name} (area 7)`) && text.includes("could not")),
        report.join(" | "),
      );
    }
  });
});
