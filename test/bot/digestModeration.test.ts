import assert from "node:assert/strict";
import { answersVersion } from "../../assessment/digest/answersVersion";
import { formatProposals } from "../../assessment/digest/proposals";
import type { RatingValue } from "../../assessment/framework/frameworkSchema";
import { startGroupScenario, assignArea, type GroupScenario } from "../support/groupScenario";
import { cardsOf } from "../../simulator/teams/connectorStandIn";
import { defined } from "../support/defined";
import { executeActions } from "../support/executeActions";

describe("digest and moderation over HTTP", () => {
  let scenario: GroupScenario;

  beforeEach(async () => {
    scenario = await startGroupScenario();
    await assignArea(scenario, 7);
    const [first, second, third] = scenario.members as [
      typeof scenario.lead,
      typeof scenario.lead,
      typeof scenario.lead,
    ];
    await scenario.answer(first, 7, "7a", {
      rating: "4",
      evidence: "Panel minutes show every plan reviewed",
      ideas: "",
    });
    await scenario.answer(second, 7, "7a", {
      rating: "1",
      evidence: "Several plans were never reviewed",
      ideas: "Add a tracker",
    });
    await scenario.answer(third, 7, "7a", { rating: "3", evidence: "", ideas: "" });
  });
  afterEach(async () => {
    await scenario.harness.close();
  });

  function channelReplies(): string[] {
    return scenario.harness.connector.postedCards().map((entry) => JSON.stringify(entry.card));
  }

  it("sends the digest to the lead's 1:1 chat and the lead records a decision from there", async () => {
    const { harness, lead, assessmentId } = scenario;
    await scenario.say(lead, "digest");
    await harness.app.idle();

    const created = harness.connector.createdConversations.find(
      (conversation) => (conversation.params["members"] as Array<{ id: string }> | undefined)?.[0]?.id === lead.id,
    );
    assert.ok(created, "a 1:1 conversation was created for the lead");
    const digestCards = harness.connector.recorded
      .filter((entry) => entry.conversationId === created.id)
      .flatMap((entry) => cardsOf(entry.activity));
    assert.ok(digestCards.length >= 1);
    const digestText = digestCards.map((card) => JSON.stringify(card)).join("\n");
    assert.ok(digestText.includes("Moderation digest"), digestText.slice(0, 500));
    assert.ok(digestText.includes("both sides of the agree/disagree line"));
    assert.ok(digestText.includes("Several plans were never reviewed") && digestText.includes("Member"));
    assert.ok(digestText.includes('"agreed_7a"') && digestText.includes('"recordDecision"'));
    assert.ok(
      channelReplies().some((text) => text.includes("Digest sent to 1 lead(s)")),
      channelReplies().join("\n"),
    );
    assert.equal((await findDelivery(scenario))?.state, "done");

    const result = await scenario.act(
      lead,
      "recordDecision",
      {
        assessmentId,
        areaNumber: "7",
        statementId: "7a",
        agreed_7a: "3",
        rationale_7a: "Discussed at the panel: mostly in place",
      },
      null,
    );
    assert.equal(result.status, 200);
    assert.ok(
      result.texts.some((text) => text.includes("Agreed rating for 7a recorded")),
      result.texts.join("\n"),
    );
    const stored = await harness.app.services.storage.moderation.getDecision(assessmentId, "7a");
    assert.equal(stored?.agreedRating, 3);
    assert.equal(stored.rationale, "Discussed at the panel: mostly in place");
    assert.equal(stored.decidedBy.aadObjectId, lead.aadObjectId);
    const audit = await harness.app.services.storage.audit.list(assessmentId);
    const entry = audit.find((candidate) => candidate.action === "decisionRecorded" && candidate.target === "7a");
    assert.ok(entry);
    assert.equal(entry.after, "3");
    assert.equal(entry.before, undefined);
    assert.ok(!JSON.stringify(audit).includes("Discussed at the panel"), "the rationale is not in the audit trail");
  });

  it("a digest card sent before someone else recorded a decision does not overwrite it: the refusal names it and gives the text back; a card showing it replaces it", async () => {
    const { harness, lead, coordinator, assessmentId } = scenario;
    await scenario.say(lead, "digest");
    await harness.app.idle();
    const actions = harness.connector.recorded.flatMap((entry) => executeActions(cardsOf(entry.activity)));
    const button = actions.find((action) => action.verb === "recordDecision" && action.data["statementId"] === "7a");
    const shownWithNoDecision = defined(button).data;
    assert.equal(shownWithNoDecision["replacing"], "", "the card says it shows no decision");

    // The coordinator records 7a meanwhile (a card action without `replacing`, as cards sent before it existed).
    const meanwhile = await scenario.act(
      coordinator,
      "recordDecision",
      { assessmentId, areaNumber: "7", statementId: "7a", agreed_7a: "4", rationale_7a: "The coordinator's reasons" },
      null,
    );
    assert.ok(meanwhile.texts.some((text) => text.includes("Agreed rating for 7a recorded")));

    const refused = await scenario.act(
      lead,
      "recordDecision",
      { ...shownWithNoDecision, agreed_7a: "2", rationale_7a: "The lead's reasons" },
      null,
    );
    const said = refused.texts.join("\n");
    assert.ok(said.includes("The decision was not recorded"), said);
    assert.ok(said.includes(`${coordinator.name} recorded agreed rating 4 for 7a`), said);
    assert.ok(said.includes("The lead's reasons"), "what the lead typed is given back");
    const kept = await harness.app.services.storage.moderation.getDecision(assessmentId, "7a");
    assert.equal(kept?.rationale, "The coordinator's reasons");

    // Pressed again from a card that shows the stored decision (a digest built now carries its time:
    // test/cards/digestCard.test.ts), the lead's decision replaces it.
    const replaced = await scenario.act(
      lead,
      "recordDecision",
      { ...shownWithNoDecision, replacing: kept.decidedAt, agreed_7a: "2", rationale_7a: "The lead's reasons" },
      null,
    );
    assert.ok(
      replaced.texts.some((text) => text.includes("Changed from 4 to 2")),
      replaced.texts.join("\n"),
    );
    assert.equal(
      (await harness.app.services.storage.moderation.getDecision(assessmentId, "7a"))?.rationale,
      "The lead's reasons",
    );
  });

  it("records the group's agreed evidence and ideas from the digest card, audited without their text", async () => {
    const { harness, lead, assessmentId } = scenario;
    await scenario.say(lead, "digest");
    await harness.app.idle();
    const digest = harness.connector.recorded
      .flatMap((entry) => cardsOf(entry.activity))
      .map((card) => JSON.stringify(card));
    assert.ok(
      digest.some((card) => card.includes('"id":"agreedEvidence_7a"') && card.includes('"id":"agreedIdeas_7a"')),
      "the digest's decision form has the agreed text fields",
    );
    const result = await scenario.act(
      lead,
      "recordDecision",
      {
        assessmentId,
        areaNumber: "7",
        statementId: "7a",
        agreed_7a: "3",
        rationale_7a: "Discussed at the panel",
        agreedEvidence_7a: "  Pathway plans audited in March\nYoung people co-wrote the leaflet  ",
        agreedIdeas_7a: "A panel of care leavers to review the offer",
      },
      null,
    );
    assert.ok(
      result.texts.some((text) => text.includes("Agreed rating for 7a recorded")),
      result.texts.join("\n"),
    );
    const stored = await harness.app.services.storage.moderation.getDecision(assessmentId, "7a");
    assert.equal(stored?.agreedEvidence, "Pathway plans audited in March\nYoung people co-wrote the leaflet");
    assert.equal(stored.agreedIdeas, "A panel of care leavers to review the offer");
    const audit = await harness.app.services.storage.audit.list(assessmentId);
    const entry = audit.find((candidate) => candidate.action === "decisionRecorded" && candidate.target === "7a");
    assert.equal(entry?.after, "3 + agreed evidence + agreed ideas");
    assert.ok(!JSON.stringify(audit).includes("Pathway plans"), "the agreed text is not in the audit trail");
  });

  it("refuses agreed text over the limit, records nothing and gives back what the lead typed", async () => {
    const { harness, lead, assessmentId } = scenario;
    const tooLong = `Summary ${"x".repeat(4_000)}`;
    const result = await scenario.act(
      lead,
      "recordDecision",
      {
        assessmentId,
        areaNumber: "7",
        statementId: "7a",
        agreed_7a: "2",
        rationale_7a: "Long meeting",
        agreedEvidence_7a: tooLong,
        agreedIdeas_7a: "Keep this idea",
      },
      null,
    );
    const card = result.texts.join("\n");
    assert.ok(card.includes("The decision was not recorded"), card);
    assert.ok(card.includes("Agreed evidence summary is too long: keep it under 4000 characters"), card);
    assert.ok(card.includes("Keep this idea") && card.includes("Long meeting") && card.includes("Summary xxx"), card);
    assert.equal(await harness.app.services.storage.moderation.getDecision(assessmentId, "7a"), undefined);
    const audit = await harness.app.services.storage.audit.list(assessmentId);
    assert.ok(!audit.some((candidate) => candidate.action === "decisionRecorded"));
  });

  it("refuses a member's recordDecision and stores nothing", async () => {
    const { harness, assessmentId } = scenario;
    const member = defined(scenario.members[0]);
    const result = await scenario.act(member, "recordDecision", {
      assessmentId,
      areaNumber: "7",
      statementId: "7a",
      agreed_7a: "4",
      rationale_7a: "",
    });
    assert.equal(result.status, 200);
    assert.ok(
      result.texts.some((text) => text.includes("not recorded")),
      result.texts.join("\n"),
    );
    assert.equal(await harness.app.services.storage.moderation.getDecision(assessmentId, "7a"), undefined);
    const personal = await scenario.act(
      member,
      "recordDecision",
      { assessmentId, areaNumber: "7", statementId: "7a", agreed_7a: "4", rationale_7a: "" },
      null,
    );
    assert.ok(personal.texts.some((text) => text.includes("not recorded")));
    assert.equal(await harness.app.services.storage.moderation.getDecision(assessmentId, "7a"), undefined);
    const audit = await harness.app.services.storage.audit.list(assessmentId);
    assert.ok(!audit.some((candidate) => candidate.action === "decisionRecorded"));
  });

  it("accepts the group's rating only for unflagged statements without a decision", async () => {
    const { harness, lead, assessmentId } = scenario;
    for (const member of scenario.members)
      await scenario.answer(member, 7, "7b", { rating: "3", evidence: "Audit", ideas: "" });
    const result = await scenario.act(lead, "acceptModalRatings", { assessmentId, areaNumber: "7" }, null);
    assert.ok(
      result.texts.some((text) => text.includes("Accepted 1 rating")),
      result.texts.join("\n"),
    );
    assert.equal((await harness.app.services.storage.moderation.getDecision(assessmentId, "7b"))?.agreedRating, 3);
    assert.equal(await harness.app.services.storage.moderation.getDecision(assessmentId, "7a"), undefined);
    const global = await scenario.act(
      lead,
      "recordGlobalDecision",
      { assessmentId, areaNumber: "7", agreedGlobalScore: "6", globalRationale: "" },
      null,
    );
    assert.ok(
      global.texts.some((text) => text.includes("recorded")),
      global.texts.join("\n"),
    );
    assert.equal((await harness.app.services.storage.moderation.getGlobalDecision(assessmentId, 7))?.agreedScore, 6);
  });

  it("accepts the digest's proposals, refusing a statement whose answers changed since the digest was built", async () => {
    const { harness, lead, assessmentId } = scenario;
    for (const member of scenario.members)
      await scenario.answer(member, 7, "7b", { rating: "3", evidence: "Audit", ideas: "" });
    for (const member of scenario.members)
      await scenario.answer(member, 7, "7c", { rating: "2", evidence: "Gaps", ideas: "" });
    const proposals = await proposalsNow(["7b", "7c"], [3, 2]);
    await scenario.answer(defined(scenario.members[0]), 7, "7c", {
      rating: "1",
      evidence: "Worse than I said",
      ideas: "",
    });
    const result = await scenario.act(lead, "acceptModalRatings", { assessmentId, areaNumber: "7", proposals }, null);
    const said = result.texts.join("\n");
    assert.ok(said.includes("Accepted 1 rating") && said.includes("7c (answers changed since the digest)"), said);
    assert.equal((await harness.app.services.storage.moderation.getDecision(assessmentId, "7b"))?.agreedRating, 3);
    assert.equal(await harness.app.services.storage.moderation.getDecision(assessmentId, "7c"), undefined);
  });

  it("accept-all racing a lead's single decision keeps the lead's decision", async () => {
    const { harness, lead, assessmentId } = scenario;
    for (const member of scenario.members)
      await scenario.answer(member, 7, "7b", { rating: "3", evidence: "Audit", ideas: "" });
    const proposals = await proposalsNow(["7b"], [3]);
    await Promise.all([
      scenario.act(
        lead,
        "recordDecision",
        { assessmentId, areaNumber: "7", statementId: "7b", agreed_7b: "2", rationale_7b: "Pathway audit found gaps" },
        null,
      ),
      scenario.act(lead, "acceptModalRatings", { assessmentId, areaNumber: "7", proposals }, null),
    ]);
    const decision = await harness.app.services.storage.moderation.getDecision(assessmentId, "7b");
    assert.equal(decision?.agreedRating, 2);
    assert.equal(decision.rationale, "Pathway audit found gaps");
    // Accepting again once the lead has decided refuses the statement.
    const again = await scenario.act(lead, "acceptModalRatings", { assessmentId, areaNumber: "7", proposals }, null);
    assert.ok(
      again.texts.some((text) => text.includes("7b (already decided)")),
      again.texts.join("\n"),
    );
  });

  /** The proposals a digest built now would carry for these statements and ratings. */
  async function proposalsNow(statementIds: string[], ratings: RatingValue[]): Promise<string> {
    const { harness, assessmentId } = scenario;
    const versions = await Promise.all(
      statementIds.map(async (id) =>
        answersVersion(await harness.app.services.storage.responses.listStatementAnswers(assessmentId, 7, id)),
      ),
    );
    return formatProposals(
      statementIds.map((statementId, index) => ({
        statementId,
        rating: defined(ratings[index]),
        answersVersion: defined(versions[index]),
      })),
    );
  }

  it("marks the delivery failed and says so when the lead has blocked the bot", async () => {
    const { harness, lead } = scenario;
    harness.connector.blockUser(lead.id);
    await scenario.say(lead, "digest");
    await harness.app.idle();
    assert.ok(
      channelReplies().some(
        (text) => text.includes("Digest sent to 0 lead(s)") && text.includes("blocked or removed the bot"),
      ),
      channelReplies().join("\n"),
    );
    const sentToLead = harness.connector.recorded.filter((entry) => entry.conversationId === `a:personal-${lead.id}`);
    assert.equal(sentToLead.length, 0);
    const delivery = await findDelivery(scenario);
    assert.equal(delivery?.state, "failed");
    assert.match(delivery.failureReason, /MessageWritesBlocked/);
  });
});

/** The lead's digest delivery of this minute (or the one before, should the minute have turned). */
async function findDelivery(scenario: GroupScenario) {
  const now = scenario.harness.app.services.clock().toISOString();
  const runKeys = [now, new Date(Date.parse(now) - 60_000).toISOString()].map(
    (at) => `${scenario.assessmentId}|7|${at.slice(0, 10)}|${at.slice(11, 16)}`,
  );
  for (const runKey of runKeys) {
    const delivery = await scenario.harness.app.services.storage.deliveries.get(
      "digest",
      runKey,
      scenario.lead.aadObjectId,
    );
    if (delivery) return delivery;
  }
  return undefined;
}
