import assert from "node:assert/strict";
import { assignArea, startGroupScenario, type GroupScenario } from "../../support/groupScenario";
import type { TeamsPerson } from "../../../simulator/teams/people";
import type { StageView } from "../../../bot/tab/tabApiContract";

/**
 * The meeting stage carries the stored decision's agreed words (rating, rationale, agreed evidence
 * and ideas) and when it was recorded, so a lead re-recording in the meeting starts from what was
 * written, not from blanks, and never overwrites a newer decision unseen; it still carries no one's name: not the members' who wrote the comments, not the lead's who decided.
 */
describe("the meeting stage's view of a recorded decision", () => {
  let scenario: GroupScenario;

  before(async () => {
    scenario = await startGroupScenario({ memberCount: 2 });
    await assignArea(scenario, 7);
    await scenario.say(scenario.lead, "start");
    await scenario.harness.app.idle();
    const [ana, ben] = scenario.members as [TeamsPerson, TeamsPerson];
    await scenario.answer(ana, 7, "7a", { rating: "4", evidence: "Panel minutes show every plan reviewed" });
    await scenario.answer(ben, 7, "7a", { rating: "1", evidence: "Several plans were never reviewed" });
  });
  after(async () => scenario.harness.close());

  const call = (person: TeamsPerson, method: string, path: string, body?: unknown) =>
    scenario.tabApi(person, method, path, body);

  it("returns the stored rationale and agreed texts to every participant, and no names", async () => {
    const recorded = await call(scenario.lead, "PUT", "/areas/7/decisions/7a", {
      agreedRating: "2",
      rationale: "Reviews exist but are late",
      agreedEvidence: "Plans are reviewed, often after the due date",
      agreedIdeas: "A reminder a month before each review",
    });
    assert.equal(recorded.status, 200);
    const { savedAt } = (await recorded.json()) as { savedAt: string };

    for (const person of [scenario.lead, ...scenario.members]) {
      const response = await call(person, "GET", "/areas/7/stage");
      assert.equal(response.status, 200);
      const raw = await response.text();
      const stage = JSON.parse(raw) as StageView;
      assert.equal(stage.statement?.statementId, "7a");
      assert.deepEqual(stage.statement.decision, {
        agreedRating: 2,
        rationale: "Reviews exist but are late",
        agreedEvidence: "Plans are reviewed, often after the due date",
        agreedIdeas: "A reminder a month before each review",
        decidedAt: savedAt,
      });
      assert.equal(stage.statement.comments.length, 2, "the group's evidence is on the stage");
      for (const someone of [scenario.lead, ...scenario.members]) {
        assert.ok(!raw.includes(someone.name), `${someone.name}'s name reached the stage`);
        assert.ok(!raw.includes(someone.aadObjectId), `${someone.name}'s id reached the stage`);
      }
    }
  });
});
