import assert from "node:assert/strict";
import { startGroupScenario, assignArea, type GroupScenario } from "../support/groupScenario";
import { makeChannel } from "../../simulator/teams/teamsActivities";
import { makePerson } from "../../simulator/teams/people";
import { runScheduledDigests, startDigestSchedule } from "../../bot/digest/digestSchedule";
import { personalMessage } from "../../simulator/teams/teamsActivities";
import { defined } from "../support/defined";

describe("scheduled digest", () => {
  let scenario: GroupScenario;
  afterEach(async () => scenario.harness.close());

  const leadChats = (leadId: string) =>
    scenario.harness.connector.createdConversations.filter(
      (conversation) => (conversation.params["members"] as Array<{ id: string }> | undefined)?.[0]?.id === leadId,
    );

  it("sends open areas' digests to their leads once per slot, and skips closed and not-started areas", async () => {
    scenario = await startGroupScenario();
    const { harness } = scenario;
    await assignArea(scenario, 7);
    await scenario.say(scenario.lead, "start");
    await harness.app.idle();
    await scenario.answer(defined(scenario.members[0]), 7, "7a", { rating: "4", evidence: "", ideas: "" });

    const closedLead = makePerson("Closed Lead");
    harness.connector.roster.push(closedLead);
    const closedChannel = makeChannel("Income working group");
    await scenario.say(scenario.coordinator, "assign 8", [closedLead], closedChannel);
    await scenario.say(scenario.coordinator, "start", [], closedChannel);
    await harness.app.idle();
    await scenario.say(scenario.coordinator, "close", [], closedChannel);

    const slot = new Date("2026-11-24T09:00:00Z");
    assert.equal(await runScheduledDigests(harness.app.services, slot), 1);
    assert.equal(
      await runScheduledDigests(harness.app.services, slot),
      1,
      "a second instance firing the same slot finds it delivered",
    );
    await harness.app.idle();
    const leadCards = harness.connector.recorded.filter((entry) =>
      leadChats(scenario.lead.id).some((chat) => chat.id === entry.conversationId),
    );
    const pagesPerRun = leadCards.length;
    assert.ok(pagesPerRun >= 1);
    assert.equal(leadChats(closedLead.id).length, 0, "closed area: no digest");

    await runScheduledDigests(harness.app.services, new Date("2026-11-25T09:00:00Z"));
    const afterNextDay = harness.connector.recorded.filter((entry) =>
      leadChats(scenario.lead.id).some((chat) => chat.id === entry.conversationId),
    ).length;
    assert.equal(afterNextDay, pagesPerRun * 2, "the next slot sends a fresh digest");
  });

  it("at start-up, sends a slot missed within the catch-up window once, however often the bot restarts", async () => {
    // Tuesday 10:30 in London: the 9:00 slot passed while no process was running.
    const now = new Date("2026-11-24T10:30:00Z");
    scenario = await startGroupScenario({ appOptions: { clock: () => now } });
    const { harness } = scenario;
    await assignArea(scenario, 7);
    await scenario.say(scenario.lead, "start");
    await harness.app.idle();
    await scenario.answer(defined(scenario.members[0]), 7, "7a", { rating: "3", evidence: "", ideas: "" });
    // The coordinator has a 1:1 chat with the bot, so the overview has somewhere to go.
    await harness.post(
      personalMessage({ serviceUrl: harness.connector.url, from: scenario.coordinator, text: "help" }),
    );
    const overviews = () =>
      harness.connector.recorded.filter((entry) => JSON.stringify(entry.activity).includes("Moderation digest sent"))
        .length;
    const leadPages = () =>
      harness.connector.recorded.filter((entry) =>
        leadChats(scenario.lead.id).some((chat) => chat.id === entry.conversationId),
      ).length;

    for (let start = 0; start < 2; start += 1) {
      const stop = startDigestSchedule(harness.app.services);
      await harness.app.idle();
      stop();
    }
    assert.ok(leadPages() >= 1, "the lead got the 9:00 digest at start-up");
    const pagesAfterCatchUp = leadPages();
    assert.equal(overviews(), 1, "one overview for the coordinator, not one per start-up");
    assert.equal(await runScheduledDigests(harness.app.services, new Date("2026-11-24T09:00:00Z")), 1);
    assert.equal(leadPages(), pagesAfterCatchUp, "the same slot again sends nothing");
    assert.equal(overviews(), 1);
  });
});
