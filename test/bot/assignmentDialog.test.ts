import assert from "node:assert/strict";
import { startGroupScenario, assignArea, cardTexts, type GroupScenario } from "../support/groupScenario";
import { makeChannel } from "../../simulator/teams/teamsActivities";
import { defined } from "../support/defined";

describe("assignment dialog and group commands over HTTP", () => {
  let scenario: GroupScenario;
  beforeEach(async () => {
    scenario = await startGroupScenario();
  });
  afterEach(async () => scenario.harness.close());

  const lastCardText = () => JSON.stringify(scenario.harness.connector.postedCards().at(-1)?.card ?? {});

  it("assigns by card: the form lists free areas, the people picker names the lead", async () => {
    await scenario.say(scenario.coordinator, "assign");
    assert.match(lastCardText(), /Assign areas to this channel/);
    assert.match(lastCardText(), /graph.microsoft.com\/users/);
    const result = await scenario.act(scenario.coordinator, "assignAreas", {
      assessmentId: scenario.assessmentId,
      areas: "3,4",
      leads: scenario.lead.aadObjectId,
    });
    assert.ok(result.texts.includes("Areas assigned to this channel"), result.texts.join(" | "));
    const stored = await scenario.harness.app.services.storage.assignments.list(scenario.assessmentId);
    assert.deepEqual(
      stored.map((assignment) => assignment.areaNumber),
      [3, 4],
    );
    // The roster gave the lead's Teams id and name for the picked AAD id.
    assert.equal(stored[0]?.leads[0]?.teamsUserId, scenario.lead.id);
    assert.equal(stored[0].leads[0].name, scenario.lead.name);
  });

  it("re-shows the form with what was picked when no lead is named", async () => {
    await scenario.say(scenario.coordinator, "assign");
    const result = await scenario.act(scenario.coordinator, "assignAreas", {
      assessmentId: scenario.assessmentId,
      areas: "5",
      leads: "",
    });
    assert.ok(
      result.texts.some((text) => text.includes("Name at least one lead")),
      result.texts.join(" | "),
    );
    assert.equal(JSON.stringify(result.card).includes('"value":"5"'), true);
    assert.equal((await scenario.harness.app.services.storage.assignments.list(scenario.assessmentId)).length, 0);
  });

  it("asks before moving an area that has answers, and keeps the answers", async () => {
    await assignArea(scenario, 7);
    await scenario.answer(defined(scenario.members[0]), 7, "7a", { rating: "3", evidence: "e", ideas: "" });
    const otherChannel = makeChannel("Health working group");
    await scenario.say(scenario.coordinator, "assign 7", [scenario.lead], otherChannel);
    assert.match(lastCardText(), /Move areas that already have answers\?/);
    const confirmed = await scenario.act(scenario.coordinator, "confirmReassign", { confirm: "yes" }, otherChannel);
    assert.ok(confirmed.texts.includes("Areas assigned to this channel"), confirmed.texts.join(" | "));
    const moved = await scenario.harness.app.services.storage.assignments.get(scenario.assessmentId, 7);
    assert.equal(moved?.value.channel.channelId, otherChannel.channelId);
    assert.equal(
      (await scenario.harness.app.services.storage.responses.listAreaAnswers(scenario.assessmentId, 7)).length,
      1,
    );
  });

  it("status shows counts to members and who has not answered to the lead; remind mentions only those", async () => {
    await assignArea(scenario, 7);
    const [done, ...others] = scenario.members;
    for (const statement of defined(scenario.harness.app.framework.areas[6]).statements) {
      await scenario.answer(defined(done), 7, statement.id, { rating: "3", evidence: "e", ideas: "" });
    }
    await scenario.say(defined(done), "status");
    const memberView = lastCardText();
    assert.match(memberView, /1 of 4 members has answered;/);
    assert.equal(memberView.includes("Not finished"), false);
    await scenario.say(scenario.lead, "status");
    assert.match(lastCardText(), /Not finished:/);
    await scenario.say(scenario.lead, "remind");
    const reminder = defined(scenario.harness.connector.recorded.at(-1)).activity;
    const mentioned = (reminder["entities"] as Array<{ mentioned: { id: string } }>).map(
      (entity) => entity.mentioned.id,
    );
    assert.deepEqual(new Set(mentioned), new Set([scenario.lead.id, ...others.map((person) => person.id)]));
    assert.equal(mentioned.includes(defined(done).id), false);
  });

  it("help lists only what the caller may do; an unknown word gets help", async () => {
    await assignArea(scenario, 7);
    await scenario.say(defined(scenario.members[0]), "frobnicate");
    const texts = cardTexts(scenario.harness.connector.postedCards().at(-1)?.card);
    assert.ok(texts.some((text) => text.includes("**status")));
    assert.equal(
      texts.some((text) => text.includes("**assign")),
      false,
    );
    assert.ok(
      scenario.harness.connector
        .postedCards()
        .some((entry) => JSON.stringify(entry.card).includes('I don\'t know \\"frobnicate\\"')),
    );
  });
});
