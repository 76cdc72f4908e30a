import assert from "node:assert/strict";
import { personalMessage } from "../../../simulator/teams/teamsActivities";
import { makePerson } from "../../../simulator/teams/people";
import { startBotHarness, type BotHarness } from "../../support/botHarness";
import { defined } from "../../support/defined";

/**
 * Only proactive sends lose the connector client's own retries (the paced sender owns those): the
 * client the adapter makes for an incoming turn keeps them, so a reply Teams throttles still
 * arrives after its Retry-After. This guards that split if the client set-up ever changes.
 */
describe("a reply Teams throttles within a turn", () => {
  let harness: BotHarness;
  const member = makePerson("Member Throttled");

  before(async () => {
    harness = await startBotHarness({ coordinators: [] });
  });
  after(async () => harness.close());

  it("arrives on the next try after the Retry-After, and the turn does not fail", async () => {
    harness.connector.throttleNext(1, 1);
    const response = await harness.post(
      personalMessage({ serviceUrl: harness.connector.url, from: member, text: "help" }),
    );
    assert.equal(response.status, 200);
    const attempts = harness.connector.attempts.map((attempt) => attempt.status);
    assert.deepEqual(attempts, [429, 200]);
    const [throttled, accepted] = harness.connector.attempts;
    assert.ok(defined(accepted).at - defined(throttled).at >= 1000, "waited for the Retry-After");
    assert.equal(harness.connector.recorded.filter((entry) => entry.kind === "send").length, 1);
    assert.equal(harness.logLines.filter((line) => line.includes('"turn failed"')).length, 0);
  });
});
