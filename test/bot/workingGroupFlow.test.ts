import assert from "node:assert/strict";
import { startGroupScenario, assignArea, inputValue, type GroupScenario } from "../support/groupScenario";
import { cardsOf } from "../../simulator/teams/connectorStandIn";
import { defined } from "../support/defined";

describe("working group flow over HTTP", () => {
  let scenario: GroupScenario;

  beforeEach(async () => {
    scenario = await startGroupScenario();
  });
  afterEach(async () => {
    await scenario.harness.close();
  });

  it("assigns area 7 inline, posts intro + 15 statements + global score in order", async () => {
    await assignArea(scenario, 7);
    const assignment = await scenario.harness.app.services.storage.assignments.get(scenario.assessmentId, 7);
    assert.equal(assignment?.value.channel.channelId, scenario.channel.channelId);
    assert.deepEqual(
      assignment.value.leads.map((lead) => lead.aadObjectId),
      [scenario.lead.aadObjectId],
    );

    await scenario.say(scenario.lead, "start");
    await scenario.harness.app.idle();
    const posted = scenario.harness.connector.recorded.filter((entry) => entry.kind === "create");
    assert.equal(posted.length, 17);
    const statementIds = posted
      .map((entry) => cardsOf(entry.activity)[0])
      .map((card) => JSON.stringify(card).match(/"statementId":"(7[a-o]|global)"/)?.[1]);
    assert.deepEqual(statementIds.slice(1), [
      "7a",
      "7b",
      "7c",
      "7d",
      "7e",
      "7f",
      "7g",
      "7h",
      "7i",
      "7j",
      "7k",
      "7l",
      "7m",
      "7n",
      "7o",
      "global",
    ]);
    const stored = await scenario.harness.app.services.storage.postedCards.list(scenario.assessmentId, 7);
    assert.equal(stored.filter((card) => card.state === "posted").length, 17);
  });

  it("saves a member's answer, shows it back, and keeps typed text when the rating is missing", async () => {
    await assignArea(scenario, 7);
    const member = defined(scenario.members[0]);
    const refused = await scenario.answer(member, 7, "7a", {
      evidence: "Pathway reviewed in March",
      ideas: "Add a housing panel",
    });
    assert.equal(refused.status, 200);
    assert.ok(
      refused.texts.some((text) => text.includes("Choose a rating")),
      refused.texts.join("\n"),
    );
    assert.equal(inputValue(refused.card, "evidence"), "Pathway reviewed in March");
    assert.equal(inputValue(refused.card, "ideas"), "Add a housing panel");

    const saved = await scenario.answer(member, 7, "7a", {
      rating: "3",
      evidence: "Pathway reviewed in March",
      ideas: "Add a housing panel",
    });
    assert.ok(
      saved.texts.some((text) => text.includes("Your answer is saved")),
      saved.texts.join("\n"),
    );
    assert.equal(inputValue(saved.card, "rating"), "3");
    const stored = await scenario.harness.app.services.storage.responses.getAnswer(
      scenario.assessmentId,
      7,
      "7a",
      member.aadObjectId,
    );
    assert.equal(stored?.rating, 3);
    assert.equal(stored.evidence, "Pathway reviewed in March");
  });

  it("refuses assignment by someone who is not the coordinator", async () => {
    await scenario.say(defined(scenario.members[0]), "assign 7", [scenario.lead]);
    assert.equal(await scenario.harness.app.services.storage.assignments.get(scenario.assessmentId, 7), undefined);
    const texts = scenario.harness.connector.postedCards().map((entry) => JSON.stringify(entry.card));
    assert.ok(
      texts.some((text) => text.includes("Only the coordinator can assign areas")),
      texts.join("\n"),
    );
  });

  it("takes a member's global score (0–10), refuses an out-of-range one and shows it back", async () => {
    await assignArea(scenario, 7);
    const member = defined(scenario.members[1]);
    const data = { assessmentId: scenario.assessmentId, areaNumber: "7" };
    const refused = await scenario.act(member, "submitGlobalScore", { ...data, score: "11" });
    assert.ok(
      refused.texts.some((text) => text.includes("Choose a score from 0 to 10")),
      refused.texts.join(" | "),
    );
    const saved = await scenario.act(member, "submitGlobalScore", { ...data, score: "6" });
    assert.ok(saved.texts.some((text) => text.includes("Your score is saved")));
    const shown = await scenario.act(member, "showMyAnswer", { ...data, statementId: "global" });
    assert.equal(inputValue(shown.card, "score"), "6");
    const scores = await scenario.harness.app.services.storage.responses.listAreaGlobalScores(scenario.assessmentId, 7);
    assert.deepEqual(
      scores.map((score) => score.score),
      [6],
    );
  });
});
