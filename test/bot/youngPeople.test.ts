import assert from "node:assert/strict";
import { startGroupScenario, assignArea, cardTexts, type GroupScenario } from "../support/groupScenario";
import { personalMessage } from "../../simulator/teams/teamsActivities";
import type { TeamsPerson } from "../../simulator/teams/people";
import { compileAndRead } from "../support/downloadedDocuments";
import { defined } from "../support/defined";

describe("young people's scores over HTTP", () => {
  let scenario: GroupScenario;

  beforeEach(async () => {
    scenario = await startGroupScenario();
  });
  afterEach(async () => {
    await scenario.harness.close();
  });

  async function sayPersonally(from: TeamsPerson, text: string): Promise<string[]> {
    const before = scenario.harness.connector.postedCards().length;
    assert.equal(
      (await scenario.harness.post(personalMessage({ serviceUrl: scenario.harness.connector.url, from, text }))).status,
      200,
    );
    return scenario.harness.connector
      .postedCards()
      .slice(before)
      .flatMap((entry) => cardTexts(entry.card));
  }

  it("the coordinator records them inline; they show beside the staff score with a 3-point gap called out", async () => {
    await assignArea(scenario, 7);
    for (const member of scenario.members)
      await scenario.answer(member, 7, "7a", { rating: "4", evidence: "Seen", ideas: "" });
    for (const member of scenario.members)
      await scenario.act(member, "submitGlobalScore", {
        assessmentId: scenario.assessmentId,
        areaNumber: "7",
        score: "8",
      });
    const saved = await sayPersonally(scenario.coordinator, "youngpeople 7=4 1=6 from=Care Leavers' Forum, March 2025");
    assert.ok(saved.includes("Young people's scores saved"), saved.join("\n"));
    assert.ok(saved.some((text) => text.includes("4 / 10")));
    const { docx, json } = await compileAndRead(scenario);
    assert.ok(docx.includes("4 / 10 (4 points lower than staff)"), "the gap is called out in the tables");
    assert.ok(docx.includes("Care Leavers&apos; Forum, March 2025"), "the source is named");
    const compiled = JSON.parse(json) as { areas: Array<{ number: number; youngPeopleScore?: number }> };
    assert.equal(compiled.areas.find((area) => area.number === 7)?.youngPeopleScore, 4);
  });

  it("offers a card of ten inputs; a bad score keeps what was typed; Save records the filled ones", async () => {
    const texts = await sayPersonally(scenario.coordinator, "youngpeople");
    assert.ok(texts.includes("Young people's global scores"), texts.join("\n"));
    const data = { assessmentId: scenario.assessmentId, youngPeople_1: "5", youngPeople_2: "12", source: "Survey" };
    const refused = await scenario.act(scenario.coordinator, "recordYoungPeopleScores", data, null);
    assert.ok(
      refused.texts.some((text) => text.includes("Area 2: a whole number from 0 to 10")),
      refused.texts.join("\n"),
    );
    assert.equal(JSON.stringify(refused.card).includes('"value":"Survey"'), true, "the note is kept");
    const saved = await scenario.act(
      scenario.coordinator,
      "recordYoungPeopleScores",
      { ...data, youngPeople_2: "" },
      null,
    );
    assert.ok(saved.texts.includes("Young people's scores saved"), saved.texts.join("\n"));
    const stored = await scenario.harness.app.services.storage.assessments.get(scenario.assessmentId);
    assert.deepEqual(stored?.value.youngPeople?.scores, { 1: 5 });
    const audit = await scenario.harness.app.services.storage.audit.list(scenario.assessmentId);
    assert.ok(
      audit.some((entry) => entry.action === "youngPeopleScoresRecorded" && !(entry.after ?? "").includes("Survey")),
    );
  });

  it("a participation worker the coordinator names may enter them, and nothing else; a plain member may not", async () => {
    const [worker, plain] = scenario.members;
    assert.ok(worker && plain);
    await scenario.say(scenario.coordinator, "participation", [worker]);
    const named = cardTexts(scenario.harness.connector.postedCards().at(-1)?.card);
    assert.ok(
      named.some((text) => text.includes(`${worker.name} may now enter the young people's scores`)),
      named.join("\n"),
    );
    const stored = await scenario.harness.app.services.storage.assessments.get(scenario.assessmentId);
    assert.deepEqual(
      stored?.value.participationWorkers?.map((person) => person.aadObjectId),
      [worker.aadObjectId],
      "resolved through the roster",
    );
    const audit = await scenario.harness.app.services.storage.audit.list(scenario.assessmentId);
    const naming = audit.find((entry) => entry.action === "participationWorkersNamed");
    assert.ok(naming);
    assert.equal(naming.before, "[]");
    assert.equal(naming.after, JSON.stringify([worker.aadObjectId]));

    assert.ok((await sayPersonally(worker, "youngpeople 3=7 from=Forum")).includes("Young people's scores saved"));
    const card = await scenario.act(
      worker,
      "recordYoungPeopleScores",
      { assessmentId: scenario.assessmentId, youngPeople_4: "5", source: "" },
      null,
    );
    assert.ok(card.texts.includes("Young people's scores saved"), card.texts.join("\n"));
    const scores = await scenario.harness.app.services.storage.assessments.get(scenario.assessmentId);
    assert.deepEqual(scores?.value.youngPeople?.scores, { 3: 7, 4: 5 });

    await scenario.say(worker, "participation none");
    assert.ok(
      cardTexts(scenario.harness.connector.postedCards().at(-1)?.card).some((text) =>
        text.startsWith("Only the coordinator can name the participation worker"),
      ),
    );
    for (const other of ["compile", "details name=Elsewhere"])
      assert.ok(
        (await sayPersonally(worker, other)).some((text) => text.startsWith("Only the coordinator")),
        `${other} is still refused for the worker`,
      );
    assert.ok(
      (await sayPersonally(plain, "youngpeople 3=1")).some((text) =>
        text.includes("Only the coordinator or the participation worker can"),
      ),
    );
    const refusedCard = await scenario.act(
      plain,
      "recordYoungPeopleScores",
      { assessmentId: scenario.assessmentId, youngPeople_3: "1", source: "" },
      null,
    );
    assert.ok(refusedCard.texts.some((text) => text.startsWith("Only the coordinator or the participation worker")));
    const after = await scenario.harness.app.services.storage.assessments.get(scenario.assessmentId);
    assert.deepEqual(after?.value.youngPeople?.scores, { 3: 7, 4: 5 }, "the plain member changed nothing");
  });

  it("refuses a member and stores nothing", async () => {
    const texts = await sayPersonally(defined(scenario.members[0]), "youngpeople 1=3");
    assert.ok(
      texts.some((text) =>
        text.includes("Only the coordinator or the participation worker can record the young people's scores"),
      ),
      texts.join("\n"),
    );
    const stored = await scenario.harness.app.services.storage.assessments.get(scenario.assessmentId);
    assert.equal(stored?.value.youngPeople, undefined);
  });
});
