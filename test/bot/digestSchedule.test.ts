import assert from "node:assert/strict";
import { startGroupScenario, assignArea, type GroupScenario } from "../support/groupScenario";
import { makeChannel } from "../../simulator/teams/teamsActivities";
import { makePerson } from "../../simulator/teams/people";
import { runScheduledDigests } from "../../bot/digest/digestSchedule";

describe("scheduled digest", () => {
  let scenario: GroupScenario;
  afterEach(async () => scenario.harness.close());

  const leadChats = (leadId: string) => scenario.harness.connector.createdConversations.filter((conversation) => (conversation.params["members"] as Array<{ id: string }> | undefined)?.[0]?.id === leadId);

  it("sends open areas' digests to their leads once per slot, and skips closed and not-started areas", async () => {
    scenario = await startGroupScenario();
    const { harness } = scenario;
    await assignArea(scenario, 7);
    await scenario.say(scenario.lead, "start");
    await harness.app.idle();
    await scenario.answer(scenario.members[0]!, 7, "7a", { rating: "4", evidence: "", ideas: "" });

    const closedLead = makePerson("Closed Lead");
    harness.connector.roster.push(closedLead);
    const closedChannel = makeChannel("Income working group");
    await scenario.say(scenario.coordinator, "assign 8", [closedLead], closedChannel);
    await scenario.say(scenario.coordinator, "start", [], closedChannel);
    await harness.app.idle();
    await scenario.say(scenario.coordinator, "close", [], closedChannel);

    const slot = new Date("2026-11-24T09:00:00Z");
    assert.equal(await runScheduledDigests(harness.app.services, slot), 1);
    assert.equal(await runScheduledDigests(harness.app.services, slot), 1, "a second instance firing the same slot finds it delivered");
    await harness.app.idle();
    const leadCards = harness.connector.recorded.filter((entry) => leadChats(scenario.lead.id).some((chat) => chat.id === entry.conversationId));
    const pagesPerRun = leadCards.length;
    assert.ok(pagesPerRun >= 1);
    assert.equal(leadChats(closedLead.id).length, 0, "closed area: no digest");

    await runScheduledDigests(harness.app.services, new Date("2026-11-25T09:00:00Z"));
    const afterNextDay = harness.connector.recorded.filter((entry) => leadChats(scenario.lead.id).some((chat) => chat.id === entry.conversationId)).length;
    assert.equal(afterNextDay, pagesPerRun * 2, "the next slot sends a fresh digest");
  });
});
