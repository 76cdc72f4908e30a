import assert from "node:assert/strict";
import { startGroupScenario, assignArea, type GroupScenario } from "../support/groupScenario";
import { cardsOf, type RecordedActivity } from "../../simulator/teams/connectorStandIn";
import { cardAction, channelMessage, makeChannel } from "../../simulator/teams/teamsActivities";
import { pressCardAction } from "../../simulator/teams/cardActions";
import { ASSIGN_FLOW_TTL_MS } from "../../bot/dialogs/assignFlow";
import { defined } from "../support/defined";

/**
 * In Teams every top-level post is its own conversation (`<channel>;messageid=<root>`) and replies
 * carry the root's id: commands must find their group from the channel, wherever they are typed.
 */
describe("commands from any post of a channel, and card updates that reach the card", () => {
  let scenario: GroupScenario;
  let now: Date;
  beforeEach(async () => {
    now = new Date("2026-03-02T10:00:00Z");
    scenario = await startGroupScenario({ appOptions: { clock: () => now } });
  });
  afterEach(async () => scenario.harness.close());

  const recorded = () => scenario.harness.connector.recorded;
  const cardTextsSince = (since: number, where: (entry: RecordedActivity) => boolean = () => true) =>
    recorded()
      .slice(since)
      .filter(where)
      .flatMap((entry) => cardsOf(entry.activity))
      .map((card) => JSON.stringify(card))
      .join("\n");
  const created = () => recorded().filter((entry) => entry.kind === "create");
  const statementPost = (statementId: string) =>
    defined(created().find((entry) => JSON.stringify(entry.activity).includes(`"statementId":"${statementId}"`)));

  async function startArea7(): Promise<void> {
    await assignArea(scenario, 7);
    await scenario.say(scenario.lead, "start");
    await scenario.harness.app.idle();
  }

  it("start, status and digest work typed as new posts and as replies in a statement's thread, each for its own channel's group", async () => {
    const area7 = defined(scenario.harness.app.framework.areas[6]);
    const health = makeChannel("Health working group");
    await startArea7();
    await scenario.say(scenario.coordinator, "assign 3", [scenario.lead], health);
    const assignPost = channelMessage({
      serviceUrl: scenario.harness.connector.url,
      from: scenario.lead,
      channel: health,
      text: "status",
    });
    await scenario.harness.post(assignPost);
    // start 3 as a reply in the thread of that post in the health channel.
    const before3 = created().length;
    await scenario.harness.post(
      channelMessage({
        serviceUrl: scenario.harness.connector.url,
        from: scenario.lead,
        channel: health,
        text: "start",
        threadId: assignPost.id,
      }),
    );
    await scenario.harness.app.idle();
    const posted3 = created().slice(before3);
    assert.equal(posted3.length, 2 + defined(scenario.harness.app.framework.areas[2]).statements.length);
    assert.ok(
      posted3.every((entry) => entry.conversationId.startsWith(`${health.channelId};messageid=`)),
      "area 3's cards went to the health channel",
    );

    await scenario.answer(defined(scenario.members[0]), 7, "7a", { rating: "4", evidence: "e", ideas: "" });
    await scenario.answer(defined(scenario.members[1]), 7, "7a", { rating: "1", evidence: "none", ideas: "" });
    const thread7a = statementPost("7a");
    for (const ask of [
      (text: string) => scenario.say(scenario.lead, text),
      (text: string) => scenario.reply(scenario.lead, thread7a.activityId, text),
    ]) {
      const since = recorded().length;
      await ask("status");
      const status = cardTextsSince(since);
      assert.match(status, new RegExp(`Area 7: ${area7.title}`));
      assert.doesNotMatch(status, /Area 3:/);
    }
    const reply = recorded().length;
    await scenario.reply(scenario.lead, thread7a.activityId, "status");
    assert.ok(
      recorded()
        .slice(reply)
        .every((entry) => entry.conversationId === thread7a.conversationId),
      "the answer is in the thread it was asked in",
    );

    for (const ask of [
      (text: string) => scenario.say(scenario.lead, text),
      (text: string) => scenario.reply(scenario.lead, thread7a.activityId, text),
    ]) {
      now = new Date(now.getTime() + 120_000); // a digest is sent once per minute's run
      const since = recorded().length;
      await ask("digest 7");
      await scenario.harness.app.idle();
      const digest = cardTextsSince(since, (entry) => entry.conversationId === `a:personal-${scenario.lead.id}`);
      assert.match(digest, /Moderation digest/);
      assert.match(digest, /"statementId":"7a"/);
    }
  });

  it("an assignment started in one post is finished from its card in another, by any coordinator press; it expires after an hour", async () => {
    const serviceUrl = scenario.harness.connector.url;
    const ask = channelMessage({ serviceUrl, from: scenario.coordinator, channel: scenario.channel, text: "assign" });
    await scenario.harness.post(ask);
    const form = defined(recorded().at(-1));
    assert.equal(form.conversationId, ask.conversation.id);
    const { data } = pressCardAction(defined(cardsOf(form.activity)[0]), "assignAreas", {
      areas: "5",
      leads: scenario.lead.aadObjectId,
    });
    // Pressed from another thread of the channel (e.g. the form forwarded under a statement card's post).
    const elsewhere = `${scenario.channel.channelId};messageid=1800000000999`;
    const pressed = await scenario.harness.post(
      cardAction({
        serviceUrl,
        from: scenario.coordinator,
        channel: scenario.channel,
        conversationId: elsewhere,
        verb: "assignAreas",
        data,
      }),
    );
    assert.match(JSON.stringify(pressed.body), /Areas assigned to this channel/);
    assert.equal(
      (await scenario.harness.app.services.storage.assignments.get(scenario.assessmentId, 5))?.value.leads[0]
        ?.aadObjectId,
      scenario.lead.aadObjectId,
    );

    await scenario.say(scenario.coordinator, "assign");
    now = new Date(now.getTime() + ASSIGN_FLOW_TTL_MS + 60_000);
    const late = await scenario.act(scenario.coordinator, "assignAreas", {
      assessmentId: scenario.assessmentId,
      areas: "6",
      leads: scenario.lead.aadObjectId,
    });
    assert.ok(
      late.texts.some((text) => text.includes("This assignment card has expired")),
      late.texts.join(" | "),
    );
    assert.equal(await scenario.harness.app.services.storage.assignments.get(scenario.assessmentId, 6), undefined);
  });

  it("answers, moderation and refreshes never read or write dialog state; only assign does", async () => {
    await startArea7();
    const { storage } = scenario.harness.app.services;
    const rows = async (): Promise<unknown> =>
      (await storage.botState.read([`assignFlow/${scenario.channel.channelId}`]))[
        `assignFlow/${scenario.channel.channelId}`
      ];
    assert.ok(await rows(), "the inline assign kept its flow under the channel");
    await storage.botState.delete([`assignFlow/${scenario.channel.channelId}`]);
    await scenario.answer(defined(scenario.members[0]), 7, "7a", { rating: "3", evidence: "e", ideas: "" });
    await scenario.act(defined(scenario.members[0]), "showMyAnswer", {
      assessmentId: scenario.assessmentId,
      areaNumber: "7",
      statementId: "7a",
    });
    await scenario.act(defined(scenario.members[0]), "submitGlobalScore", {
      assessmentId: scenario.assessmentId,
      areaNumber: "7",
      score: "6",
    });
    await scenario.harness.app.idle();
    assert.equal(await rows(), undefined);
  });

  it("count refreshes, close and reopen update the very activities start created, and nothing else", async () => {
    await startArea7();
    const posts = new Map(created().map((entry) => [entry.activityId, entry.conversationId]));
    assert.equal(posts.size, 17);
    for (const [activityId, conversationId] of posts)
      assert.equal(conversationId, `${scenario.channel.channelId};messageid=${activityId}`);

    await scenario.answer(defined(scenario.members[0]), 7, "7a", { rating: "3", evidence: "e", ideas: "" });
    await scenario.harness.app.idle();
    const refresh = recorded().filter((entry) => entry.kind === "update");
    assert.equal(refresh.length, 1);
    assert.equal(defined(refresh[0]).activityId, statementPost("7a").activityId);
    assert.match(JSON.stringify(defined(refresh[0]).activity), /1 (person has|people have) answered/);

    await scenario.say(scenario.lead, "close");
    await scenario.harness.app.idle();
    await scenario.say(scenario.lead, "reopen");
    await scenario.harness.app.idle();
    const updates = recorded().filter((entry) => entry.kind === "update");
    assert.equal(updates.length, 1 + 2 * 16, "close and reopen each refresh the 15 statements and the global score");
    for (const update of updates) {
      assert.equal(
        posts.get(update.activityId),
        update.conversationId,
        `update of ${update.activityId} addressed to the thread start created`,
      );
    }
    assert.deepEqual(
      scenario.harness.connector.attempts.filter((attempt) => attempt.status === 404),
      [],
      "no update missed its card",
    );
  });

  it("done when: a full area with every command typed as a fresh post (assign inline, start, answers, status, digest, compile)", async () => {
    const { harness, lead, coordinator, members } = scenario;
    const area7 = defined(harness.app.framework.areas[6]);
    await scenario.say(coordinator, "assign 7", [lead]);
    await scenario.say(lead, "start");
    await harness.app.idle();
    for (const [index, member] of members.entries()) {
      for (const statement of area7.statements) {
        const card = defined(cardsOf(statementPost(statement.id).activity)[0]);
        const { data } = pressCardAction(card, "submitAnswer", {
          rating: String(1 + ((index + statement.id.length) % 4)),
          evidence: `evidence ${index}`,
          ideas: "",
        });
        const post = statementPost(statement.id);
        const result = await harness.post(
          cardAction({
            serviceUrl: harness.connector.url,
            from: member,
            channel: scenario.channel,
            conversationId: post.conversationId,
            cardActivityId: post.activityId,
            verb: "submitAnswer",
            data,
          }),
        );
        assert.match(JSON.stringify(result.body), /Your answer is saved/);
      }
    }
    const since = recorded().length;
    await scenario.say(lead, "status");
    assert.match(cardTextsSince(since), new RegExp(`${members.length} people`));
    await scenario.say(lead, "digest");
    await harness.app.idle();
    assert.match(
      cardTextsSince(since, (entry) => entry.conversationId === `a:personal-${lead.id}`),
      /Moderation digest/,
    );
    await scenario.say(coordinator, "compile");
    await harness.app.idle();
    assert.match(cardTextsSince(since), /Word document/);
    const answers = await harness.app.services.storage.responses.listAreaAnswers(scenario.assessmentId, 7);
    assert.equal(answers.length, members.length * area7.statements.length);
    assert.deepEqual(
      harness.connector.attempts.filter((attempt) => attempt.status >= 400),
      [],
    );
  });
});
