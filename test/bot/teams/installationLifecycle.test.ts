import assert from "node:assert/strict";
import { startGroupScenario, assignArea, type GroupScenario } from "../../support/groupScenario";
import {
  botTeamMembership,
  installationUpdate,
  personalInstall,
  teamEvent,
} from "../../../simulator/teams/lifecycleActivities";
import { makeChannel, personalMessage } from "../../../simulator/teams/teamsActivities";
import { cardsOf } from "../../../simulator/teams/connectorStandIn";
import { defined } from "../../support/defined";

describe("installation lifecycle over HTTP", () => {
  let scenario: GroupScenario;
  beforeEach(async () => (scenario = await startGroupScenario()));
  afterEach(async () => scenario.harness.close());

  const serviceUrl = () => scenario.harness.connector.url;
  const cardsIn = (conversation: (id: string) => boolean) =>
    scenario.harness.connector.recorded
      .filter((entry) => conversation(entry.conversationId))
      .flatMap((entry) => cardsOf(entry.activity).map((card) => JSON.stringify(card)));
  const coordinatorChat = () => `a:personal-${scenario.coordinator.id}`;

  it("welcomes a team in a new post of its General channel: what the bot is for, assign, help", async () => {
    const response = await scenario.harness.post(
      botTeamMembership({
        serviceUrl: serviceUrl(),
        from: scenario.coordinator,
        channel: scenario.channel,
        change: "added",
      }),
    );
    assert.equal(response.status, 200);
    const welcome = cardsIn((id) => id.startsWith(`${scenario.channel.teamId};messageid=`));
    assert.equal(welcome.length, 1);
    assert.match(defined(welcome[0]), /Self-Assessment/);
    assert.match(defined(welcome[0]), /\*\*@Self-Assessment assign\*\*/);
    assert.match(defined(welcome[0]), /help/);
  });

  it("welcomes a person in their 1:1 chat and keeps that chat, so the coordinator hears from the bot without writing first", async () => {
    await scenario.harness.post(personalInstall({ serviceUrl: serviceUrl(), from: scenario.coordinator }));
    await scenario.harness.post(
      installationUpdate({ serviceUrl: serviceUrl(), from: scenario.coordinator, action: "add" }),
    );
    assert.equal(cardsIn((id) => id === coordinatorChat()).length, 1, "one welcome, though Teams sent two events");
    const stored = await scenario.harness.app.services.storage.conversations.getUser(scenario.coordinator.aadObjectId);
    assert.equal(stored?.conversationId, coordinatorChat());
    assert.equal(stored.userId, scenario.coordinator.id);
  });

  it("removed from a team: stops posting there, keeps every answer, tells the coordinator once which areas lost their channel", async () => {
    await scenario.harness.post(personalInstall({ serviceUrl: serviceUrl(), from: scenario.coordinator }));
    await assignArea(scenario, 7);
    await scenario.say(scenario.lead, "start");
    await scenario.harness.app.idle();
    await scenario.answer(defined(scenario.members[0]), 7, "7a", { rating: "3", evidence: "e", ideas: "" });
    await scenario.harness.app.idle();

    await scenario.harness.post(
      botTeamMembership({
        serviceUrl: serviceUrl(),
        from: scenario.coordinator,
        channel: scenario.channel,
        change: "removed",
      }),
    );
    await scenario.harness.post(
      installationUpdate({
        serviceUrl: serviceUrl(),
        from: scenario.coordinator,
        action: "remove",
        channel: scenario.channel,
      }),
    );
    await scenario.harness.app.idle();
    const notices = cardsIn((id) => id === coordinatorChat()).filter((card) =>
      card.includes("Areas without a channel"),
    );
    assert.equal(notices.length, 1, "told once, though Teams sent two events");
    assert.match(defined(notices[0]), /Area 7 \(Housing working group\): the app was removed from its team/);

    const writesBefore = scenario.harness.connector.attempts.length;
    const saved = await scenario.answer(defined(scenario.members[1]), 7, "7b", {
      rating: "2",
      evidence: "e",
      ideas: "",
    });
    assert.ok(
      saved.texts.some((text) => text.includes("Your answer is saved")),
      saved.texts.join(" | "),
    );
    await scenario.harness.app.idle();
    assert.equal(scenario.harness.connector.attempts.length, writesBefore, "no card refresh sent to the lost channel");
    const { storage } = scenario.harness.app.services;
    assert.equal((await storage.responses.listAreaAnswers(scenario.assessmentId, 7)).length, 2, "every answer kept");
    assert.ok((await storage.assignments.get(scenario.assessmentId, 7))?.value.channel.lostAt);

    // Added back: the channel is used again.
    await scenario.harness.post(
      botTeamMembership({
        serviceUrl: serviceUrl(),
        from: scenario.coordinator,
        channel: scenario.channel,
        change: "added",
      }),
    );
    assert.equal((await storage.assignments.get(scenario.assessmentId, 7))?.value.channel.lostAt, undefined);
  });

  it("a deleted channel loses only its own areas; assigning the area elsewhere brings it back", async () => {
    await scenario.harness.post(personalInstall({ serviceUrl: serviceUrl(), from: scenario.coordinator }));
    await assignArea(scenario, 7);
    const other = makeChannel("Health working group");
    await scenario.say(scenario.coordinator, "assign 3", [scenario.lead], other);
    await scenario.harness.post(
      teamEvent({
        serviceUrl: serviceUrl(),
        from: scenario.coordinator,
        eventType: "channelDeleted",
        channel: scenario.channel,
      }),
    );
    await scenario.harness.app.idle();
    const { assignments } = scenario.harness.app.services.storage;
    assert.ok((await assignments.get(scenario.assessmentId, 7))?.value.channel.lostAt);
    assert.equal((await assignments.get(scenario.assessmentId, 3))?.value.channel.lostAt, undefined);
    assert.match(
      cardsIn((id) => id === coordinatorChat()).join("\n"),
      /Area 7 \(Housing working group\): its channel was deleted/,
    );
    await scenario.say(scenario.coordinator, "assign 7", [scenario.lead], other);
    const moved = await assignments.get(scenario.assessmentId, 7);
    assert.equal(moved?.value.channel.channelId, other.channelId);
    assert.equal(moved.value.channel.lostAt, undefined);
  });

  it("status tells the coordinator which area lost its channel, in the overview and for the area", async () => {
    await assignArea(scenario, 7);
    const other = makeChannel("Health working group");
    await scenario.say(scenario.coordinator, "assign 3", [scenario.lead], other);
    await scenario.harness.post(
      teamEvent({
        serviceUrl: serviceUrl(),
        from: scenario.coordinator,
        eventType: "channelDeleted",
        channel: scenario.channel,
      }),
    );
    const statusSaying = async (text: string) => {
      const before = scenario.harness.connector.recorded.length;
      await scenario.harness.post(personalMessage({ serviceUrl: serviceUrl(), from: scenario.coordinator, text }));
      return scenario.harness.connector.recorded
        .slice(before)
        .flatMap((entry) => cardsOf(entry.activity))
        .map((card) => JSON.stringify(card))
        .join("\n");
    };
    const overview = await statusSaying("status");
    assert.match(overview, /Without a channel: 1 area \(7\)/);
    assert.match(overview, /assigned · no channel \(Housing working group lost\)/);
    assert.doesNotMatch(overview, /Health working group lost/);
    assert.match(await statusSaying("status 7"), /Housing working group has been out of reach since/);
    assert.doesNotMatch(await statusSaying("status 3"), /out of reach/);
  });

  it("renamed team and channel keep working; a member who leaves keeps their answers", async () => {
    await assignArea(scenario, 7);
    const leaver = defined(scenario.members[0]);
    await scenario.answer(leaver, 7, "7a", { rating: "4", evidence: "e", ideas: "" });
    const renamed = { ...scenario.channel, name: "Housing & homes" };
    await scenario.harness.post(
      teamEvent({
        serviceUrl: serviceUrl(),
        from: scenario.coordinator,
        eventType: "channelRenamed",
        channel: renamed,
      }),
    );
    await scenario.harness.post(
      teamEvent({
        serviceUrl: serviceUrl(),
        from: scenario.coordinator,
        eventType: "teamRenamed",
        channel: renamed,
        teamName: "Care leavers 2026",
      }),
    );
    await scenario.harness.post(
      teamEvent({
        serviceUrl: serviceUrl(),
        from: scenario.coordinator,
        eventType: "teamMemberRemoved",
        channel: renamed,
        membersRemoved: [{ id: leaver.id }],
      }),
    );
    const { storage } = scenario.harness.app.services;
    assert.equal(
      (await storage.assignments.get(scenario.assessmentId, 7))?.value.channel.channelName,
      "Housing & homes",
    );
    assert.equal((await storage.responses.listAreaAnswers(scenario.assessmentId, 7)).length, 1);
    const before = scenario.harness.connector.recorded.length;
    await scenario.say(scenario.lead, "status", [], renamed);
    const status = scenario.harness.connector.recorded
      .slice(before)
      .flatMap((entry) => cardsOf(entry.activity))
      .map((card) => JSON.stringify(card))
      .join("\n");
    // Counted out of the roster read now; the leaver's answer still counts.
    assert.match(status, /1 of \d+ members? has answered/);
  });
});
