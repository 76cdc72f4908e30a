import assert from "node:assert/strict";
import * as AdaptiveCards from "adaptivecards";
import { startGroupScenario, assignArea, readInvoke, type GroupScenario } from "../support/groupScenario";
import { cardsOf } from "../../simulator/teams/connectorStandIn";
import { cardAction } from "../../simulator/teams/teamsActivities";
import { pressCardAction } from "../../simulator/teams/cardActions";
import type { TeamsPerson } from "../../simulator/teams/people";
import { compileAndRead } from "../support/downloadedDocuments";
import { parseAssessmentCsv } from "../support/parseCsvColumns";
import { parseAssessmentJson } from "../../documents/json/buildAssessmentJson";

/**
 * The second round over HTTP, as Teams would drive it: a lead sends a flagged statement back from
 * the digest; the bot posts one re-rating card in the statement's thread whose refresh gives each
 * member who answered their own view; two change, one keeps their rating; the next digest shows who
 * moved and that the statement now agrees, with its rating proposed.
 */
describe("a second round for a flagged statement", () => {
  let scenario: GroupScenario;
  let now: Date;

  beforeEach(async () => {
    now = new Date("2026-03-02T10:00:00Z");
    scenario = await startGroupScenario({ appOptions: { clock: () => now } });
    await assignArea(scenario, 7);
    await scenario.say(scenario.lead, "start");
    await scenario.harness.app.idle();
    const [ana, ben, cal] = members();
    await scenario.answer(ana, 7, "7a", { rating: "4", evidence: "Panel minutes show every plan reviewed", ideas: "" });
    await scenario.answer(ben, 7, "7a", { rating: "1", evidence: "Several plans were never reviewed", ideas: "" });
    await scenario.answer(cal, 7, "7a", { rating: "2", evidence: "Reviews happen but often late", ideas: "A tracker" });
  });
  afterEach(async () => scenario.harness.close());

  const members = () => scenario.members as [TeamsPerson, TeamsPerson, TeamsPerson];
  const recorded = () => scenario.harness.connector.recorded;

  /** The newest digest page 1 in the lead's 1:1 chat. */
  async function latestDigest(): Promise<Record<string, unknown>> {
    now = new Date(now.getTime() + 5 * 60_000); // a new run key: digests are delivered once per minute
    await scenario.say(scenario.lead, "digest");
    await scenario.harness.app.idle();
    const cards = recorded()
      .filter((entry) => entry.conversationId === `a:personal-${scenario.lead.id}`)
      .flatMap((entry) => cardsOf(entry.activity))
      .filter((card) => JSON.stringify(card).includes("Page 1 of"));
    const card = cards.at(-1);
    assert.ok(card, "a digest reached the lead");
    return card;
  }

  function statementThread(statementId: string) {
    const post = recorded().find(
      (entry) => entry.kind === "create" && JSON.stringify(entry.activity).includes(`"statementId":"${statementId}"`),
    );
    assert.ok(post, `the card of ${statementId} was posted`);
    return post;
  }

  async function press(from: TeamsPerson, card: Record<string, unknown>, verb: string, typed = {}, match = {}) {
    const action = pressCardAction(card, verb, typed, match);
    // The digest is in the lead's 1:1 chat; a re-rating card is in the group's channel.
    return scenario.act(from, action.verb, action.data, from === scenario.lead ? null : undefined);
  }

  it("sends a flagged statement back, takes two changes and one confirmation, and the digest shows it now agreed", async () => {
    const { harness, lead, assessmentId } = scenario;
    const [ana, ben, cal] = members();
    const before = await latestDigest();
    assert.ok(JSON.stringify(before).includes("Send all flagged back to the group"));

    // A member cannot send it back; the lead can, from the statement's own button.
    const refused = await scenario.act(ana, "sendBack", { assessmentId, areaNumber: "7", statementId: "7a" });
    assert.ok(
      refused.texts.some((text) => text.includes("Nothing was sent back")),
      refused.texts.join("\n"),
    );
    const sent = await press(lead, before, "sendBack", {}, { statementId: "7a" });
    assert.ok(
      sent.texts.some((text) => text.includes("Sent back: 7a (round 2)")),
      sent.texts.join("\n"),
    );
    await harness.app.idle();

    // One card, posted as a reply in 7a's own thread, with the group's reasons and no names.
    const thread = statementThread("7a");
    const reRating = recorded().filter(
      (entry) =>
        entry.kind === "send" &&
        entry.conversationId === thread.conversationId &&
        JSON.stringify(entry.activity).includes("showReRating"),
    );
    assert.equal(reRating.length, 1);
    const [posted] = reRating;
    const [shared] = posted ? cardsOf(posted.activity) : [];
    assert.ok(posted && shared);
    assert.deepEqual(adaptiveCardProblems(shared), []);
    const sharedText = JSON.stringify(shared);
    assert.ok(sharedText.includes("Several plans were never reviewed") && sharedText.includes("Round 1: "));
    for (const member of members()) assert.equal(sharedText.includes(member.name), false, "no names on the card");
    const refresh = shared["refresh"] as { userIds: string[] };
    assert.deepEqual(
      [...refresh.userIds].sort(),
      members()
        .map((member) => member.id)
        .sort(),
    );

    // Each member's view arrives by refresh (trigger "automatic") from the card in the thread.
    const ownView = async (member: TeamsPerson) => {
      const action = (shared["refresh"] as { action: { verb: string; data: Record<string, unknown> } }).action;
      const response = await harness.post(
        cardAction({
          serviceUrl: harness.connector.url,
          from: member,
          channel: scenario.channel,
          conversationId: thread.conversationId,
          cardActivityId: posted.activityId,
          verb: action.verb,
          data: action.data,
          trigger: "automatic",
        }),
      );
      const card = readInvoke(response).card;
      assert.ok(card);
      return card;
    };
    const anaView = await ownView(ana);
    assert.deepEqual(adaptiveCardProblems(anaView), []);
    assert.ok(JSON.stringify(anaView).includes("Your rating in round 1: 4"), JSON.stringify(anaView).slice(0, 1500));
    assert.ok(JSON.stringify(anaView).includes("Panel minutes show every plan reviewed"), "own evidence prefilled");

    const changedAna = await press(
      ana,
      anaView,
      "submitReRating",
      { rating: "2", evidence: "Minutes, but late" },
      {
        choice: "change",
      },
    );
    assert.ok(
      changedAna.texts.some((text) => text.includes("Your round 2 rating is saved: 2 (was 4)")),
      changedAna.texts.join("\n"),
    );
    await press(ben, await ownView(ben), "submitReRating", { rating: "2" }, { choice: "change" });
    const kept = await press(cal, await ownView(cal), "submitReRating", {}, { choice: "confirm" });
    assert.ok(
      kept.texts.some((text) => text.includes("saved: 2 (kept)")),
      kept.texts.join("\n"),
    );

    // Round 1 stays on the record beside round 2.
    const answers = await harness.app.services.storage.responses.listStatementAnswers(assessmentId, 7, "7a");
    const anaAnswer = answers.find((answer) => answer.respondent.aadObjectId === ana.aadObjectId);
    assert.ok(anaAnswer);
    assert.equal(anaAnswer.round, 2);
    assert.equal(anaAnswer.evidence, "Minutes, but late");
    assert.deepEqual(
      anaAnswer.earlierRounds?.map(({ round, rating, evidence }) => ({ round, rating, evidence })),
      [{ round: 1, rating: 4, evidence: "Panel minutes show every plan reviewed" }],
    );
    const audit = await harness.app.services.storage.audit.list(assessmentId);
    const actions = audit.filter((entry) => entry.target === "7a").map((entry) => `${entry.action} ${entry.after}`);
    assert.ok(actions.includes("roundStarted round 2"), actions.join("\n"));
    assert.equal(actions.filter((action) => action === "answerChangedInRound round 2: 2").length, 2);
    assert.equal(actions.filter((action) => action === "answerConfirmedInRound round 2: 2").length, 1);
    assert.equal(actions.filter((action) => action.startsWith("answerCreated")).length, 3, "round 1 kept");

    // The digest: round 1 → 2, who moved, now agreed, and the rating proposed.
    const after = await latestDigest();
    const text = JSON.stringify(after);
    assert.ok(
      text.includes("Round 1 → 2: 1 agree, 1 mostly disagree, 1 disagree → 3 mostly disagree — now agreed"),
      text,
    );
    assert.ok(text.includes(`Moved: ${ana.name} (4 → 2), ${ben.name} (1 → 2)`), text);
    assert.ok(text.includes(`Kept their rating: ${cal.name}`), text);
    assert.ok(text.includes("7a · agreed") && !text.includes("7a ⚑ needs moderation"), text);
    assert.match(text, /"proposals":"[^"]*7a=2@/);
    const accepted = await press(lead, after, "acceptModalRatings");
    assert.ok(
      accepted.texts.some((line) => line.includes("7a: 2")),
      accepted.texts.join("\n"),
    );
    assert.equal((await harness.app.services.storage.moderation.getDecision(assessmentId, "7a"))?.agreedRating, 2);

    // Both rounds in the compiled CSV and JSON; the Word document says the decision came after a second round.
    const documents = await compileAndRead(scenario);
    const row = parseAssessmentCsv(documents.csv).find((candidate) => candidate.statementId === "7a");
    assert.ok(row);
    assert.equal(row.round, 2);
    assert.deepEqual(row.earlierRounds, ["Round 1: 4×1 · 2×1 · 1×1"]);
    assert.equal(row.rated2, 3);
    const compiled = parseAssessmentJson(documents.json);
    const json = compiled.areas.flatMap((area) => area.statements).find((candidate) => candidate.id === "7a");
    assert.deepEqual(json?.earlierRounds, [{ round: 1, answered: 3, distribution: { 1: 1, 2: 1, 3: 0, 4: 1 } }]);
    assert.match(documents.docx, /after a second round/);
  });

  it("refuses a second send-back once the extra round is used, and a card from an ended round", async () => {
    const { lead, assessmentId } = scenario;
    const data = { assessmentId, areaNumber: "7", statementId: "7a" };
    assert.ok((await scenario.act(lead, "sendBack", data, null)).texts.some((text) => text.includes("Sent back")));
    const again = await scenario.act(lead, "sendBack", data, null);
    assert.ok(
      again.texts.some((text) => text.includes("7a: it has had its extra round")),
      again.texts.join("\n"),
    );
    const stale = await scenario.act(members()[0], "submitReRating", { ...data, round: "3", choice: "confirm" });
    assert.ok(
      stale.texts.some((text) => text.includes("not the statement's current round")),
      stale.texts.join("\n"),
    );
    await scenario.say(lead, "close");
    const closed = await scenario.act(members()[0], "submitReRating", { ...data, round: "2", choice: "confirm" });
    assert.ok(
      closed.texts.some((text) => text.includes("This area is closed")),
      closed.texts.join("\n"),
    );
  });
});

/** The official renderer's object model: parse errors and validation failures of a card. */
function adaptiveCardProblems(card: Record<string, unknown>): string[] {
  const parsed = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
  parsed.parse(card, context);
  const events = [...Array(context.eventCount).keys()].map((index) => context.getEventAt(index).message);
  return [...events, ...parsed.validateProperties().validationEvents.map((event) => event.message)];
}
