import assert from "node:assert/strict";
import { startGroupScenario, assignArea, cardTexts, type GroupScenario } from "../support/groupScenario";
import { personalMessage, TENANT_ID } from "../../simulator/teams/teamsActivities";
import type { TeamsPerson } from "../../simulator/teams/people";
import { compileAndRead } from "../support/downloadedDocuments";
import { cycleAssessmentId } from "../../bot/app/currentAssessment";
import { cardsOf } from "../../simulator/teams/connectorStandIn";

describe("new cycle over HTTP", () => {
  let scenario: GroupScenario;
  const second = cycleAssessmentId(TENANT_ID, 2);

  beforeEach(async () => {
    scenario = await startGroupScenario();
  });
  afterEach(async () => {
    await scenario.harness.close();
  });

  async function sayPersonally(from: TeamsPerson, text: string) {
    const before = scenario.harness.connector.postedCards().length;
    const { url } = scenario.harness.connector;
    assert.equal((await scenario.harness.post(personalMessage({ serviceUrl: url, from, text }))).status, 200);
    return scenario.harness.connector
      .postedCards()
      .slice(before)
      .map((entry) => entry.card);
  }

  /** Everyone rates 7a and scores area 7 the same: an agreed rating and score without moderation. */
  async function answerArea7(assessmentId: string, rating: string, score: string): Promise<void> {
    for (const member of scenario.members) {
      const answered = await scenario.act(member, "submitAnswer", {
        assessmentId,
        areaNumber: "7",
        statementId: "7a",
        rating,
        evidence: "Pathway plans audited",
        ideas: "",
      });
      assert.ok(!answered.texts.some((text) => text.includes("earlier assessment")), answered.texts.join("\n"));
      await scenario.act(member, "submitGlobalScore", { assessmentId, areaNumber: "7", score });
    }
  }

  const storage = () => scenario.harness.app.services.storage;

  it("proposes the carry-over, cancel changes nothing, confirm closes cycle 1 and starts cycle 2 once", async () => {
    await assignArea(scenario, 7);
    await answerArea7(scenario.assessmentId, "2", "4");

    const [proposal] = await sayPersonally(scenario.coordinator, "new cycle");
    assert.ok(proposal);
    const texts = cardTexts(proposal);
    assert.ok(texts.includes("Close cycle 1 and start cycle 2?"), texts.join("\n"));
    assert.ok(texts.some((text) => text.startsWith("Area 7:")));
    assert.ok(texts.includes("Housing working group") && texts.includes("Lee Lead"), "channel and lead carried over");

    const cancelled = await scenario.act(
      scenario.coordinator,
      "confirmNewCycle",
      { confirm: "no", assessmentId: scenario.assessmentId },
      null,
    );
    assert.ok(cancelled.texts.includes("Nothing changed"), cancelled.texts.join("\n"));
    assert.equal((await storage().assessments.get(scenario.assessmentId))?.value.nextAssessmentId, undefined);
    assert.equal(await storage().assessments.get(second), undefined);

    // A double click: two presses of Start at once.
    const confirm = { confirm: "yes", assessmentId: scenario.assessmentId };
    const presses = await Promise.all([
      scenario.act(scenario.coordinator, "confirmNewCycle", confirm, null),
      scenario.act(scenario.coordinator, "confirmNewCycle", confirm, null),
    ]);
    const titles = presses.map((press) => press.texts[0]).sort();
    assert.deepEqual(
      titles,
      ["Cycle 2 started", "Nothing changed"],
      presses.map((p) => p.texts.join(" | ")).join("\n"),
    );

    const closed = (await storage().assessments.get(scenario.assessmentId))?.value;
    assert.ok(closed?.result);
    assert.equal(closed.nextAssessmentId, second);
    assert.equal(closed.result.ratings["7a"], 2);
    assert.equal(closed.result.globalScores["7"], 4);
    assert.equal((await storage().assignments.get(scenario.assessmentId, 7))?.value.status, "closed");
    const carried = (await storage().assignments.get(second, 7))?.value;
    assert.ok(carried);
    assert.equal(carried.status, "assigned");
    assert.equal(carried.channel.channelId, scenario.channel.channelId);
    assert.deepEqual(
      carried.leads.map((lead) => lead.aadObjectId),
      [scenario.lead.aadObjectId],
    );
    const audit = await storage().audit.list(scenario.assessmentId);
    assert.equal(audit.filter((entry) => entry.action === "newCycleStarted").length, 1);

    // The old cycle's cards take no more answers; its answers are still there.
    const [member] = scenario.members;
    assert.ok(member);
    const stale = await scenario.answer(member, 7, "7a", { rating: "4", evidence: "", ideas: "" });
    assert.ok(
      stale.texts.some((text) => text.includes("earlier assessment")),
      stale.texts.join("\n"),
    );
    assert.equal((await storage().responses.listAreaAnswers(scenario.assessmentId, 7)).length, 3);

    // The same proposal card pressed later changes nothing.
    const late = await scenario.act(scenario.coordinator, "confirmNewCycle", confirm, null);
    assert.ok(
      late.texts.some((text) => text.includes("already closed")),
      late.texts.join("\n"),
    );
    assert.equal(await storage().assessments.get(cycleAssessmentId(TENANT_ID, 3)), undefined);

    // Cycle 2: the lead starts the carried area, the group rates higher; the document shows the change.
    // Seconds after the confirm, well within the assessment read's reuse window: closing cycle 1 wrote
    // through the same repository, so `start 7` finds cycle 2's area, not cycle 1's closed one.
    assert.equal((await scenario.say(scenario.lead, "start 7")).status, 200);
    await answerArea7(second, "4", "7");
    // Moderating cycle 2, the lead sees what cycle 1 agreed for each statement.
    const before = scenario.harness.connector.recorded.length;
    assert.equal((await scenario.say(scenario.lead, "digest 7")).status, 200);
    await scenario.harness.app.idle();
    const digest = scenario.harness.connector.recorded
      .slice(before)
      .flatMap((entry) => cardsOf(entry.activity))
      .flatMap((card) => cardTexts(card));
    assert.ok(
      digest.some((text) => /^Last cycle \(\d{1,2} \w+ \d{4}\): agreed 2 · Mostly disagree$/.test(text)),
      digest.filter((text) => text.includes("cycle")).join("\n"),
    );
    const { docx, csv, json } = await compileAndRead(scenario);
    assert.match(docx, /Change since \d{1,2} \w+ \d{4}/, "the change column's heading");
    assert.ok(docx.includes("↑ from 2"), "7a rose from 2");
    assert.ok(docx.includes("↑ from 4"), "area 7's global score rose from 4");
    assert.ok(docx.includes("↑ higher, ↓ lower, = the same"), "the legend explains the arrows");
    assert.match(
      docx,
      /descr="Global scores by cycle \([^"]*7\. [^"]*: 4 → 7/,
      "the by-cycle chart's data in its alt text",
    );
    assert.equal((docx.match(/<pic:pic/g) ?? []).length, 3, "three charts: shares, scores, scores by cycle");
    const row7a = csv.split("\r\n").find((line) => line.startsWith("7,") && line.includes(",7a,"));
    // The cycle columns, then the agreed text columns (empty here) last.
    assert.ok(row7a?.endsWith(",7,2,↑,4,↑,,"), row7a);
    const model = JSON.parse(json) as { cycles?: unknown[]; assessmentId: string };
    assert.equal(model.assessmentId, second);
    assert.equal(model.cycles?.length, 2);
  });

  it("refuses a member who is not the coordinator, both the command and the card", async () => {
    await assignArea(scenario, 7);
    const [member] = scenario.members;
    assert.ok(member);
    const refused = (await sayPersonally(member, "new cycle")).flatMap((card) => cardTexts(card));
    assert.ok(
      refused.some((text) => text.includes("Only the coordinator can start a new cycle")),
      refused.join("\n"),
    );
    const pressed = await scenario.act(
      member,
      "confirmNewCycle",
      { confirm: "yes", assessmentId: scenario.assessmentId },
      null,
    );
    assert.ok(
      pressed.texts.some((text) => text.includes("Only the coordinator")),
      pressed.texts.join("\n"),
    );
    assert.equal((await storage().assessments.get(scenario.assessmentId))?.value.nextAssessmentId, undefined);
    assert.equal(await storage().assessments.get(second), undefined);
  });
});
