import assert from "node:assert/strict";
import { startGroupScenario, assignArea, type GroupScenario } from "../../support/groupScenario";
import type { TeamsPerson } from "../../../simulator/teams/people";
import type { MyAreaView } from "../../../bot/tab/tabApiContract";

/**
 * A second round through the tab, for members whose Teams client cannot press the re-rating card
 * (Action.Execute does nothing on Teams mobile): a lead sends a flagged statement back from the
 * tab; the member's page says so, and their save there is their answer in round 2, with round 1 kept.
 */
describe("the tab during a second round", () => {
  let scenario: GroupScenario;

  before(async () => {
    scenario = await startGroupScenario();
    await assignArea(scenario, 7);
    await scenario.say(scenario.lead, "start");
    await scenario.harness.app.idle();
    const [ana, ben, cal] = members();
    await scenario.answer(ana, 7, "7a", { rating: "4", evidence: "Panel minutes show every plan reviewed", ideas: "" });
    await scenario.answer(ben, 7, "7a", { rating: "1", evidence: "Several plans were never reviewed", ideas: "" });
    await scenario.answer(cal, 7, "7a", { rating: "2", evidence: "Reviews happen but often late", ideas: "" });
  });
  after(async () => scenario.harness.close());

  const members = () => scenario.members as [TeamsPerson, TeamsPerson, TeamsPerson];
  const call = (person: TeamsPerson, method: string, path: string, body?: unknown) =>
    scenario.tabApi(person, method, path, body);
  const statementIn = async (person: TeamsPerson, statementId: string) => {
    const view = (await (await call(person, "GET", "/areas/7/mine")).json()) as MyAreaView;
    const statement = view.statements.find((candidate) => candidate.id === statementId);
    assert.ok(statement, `${statementId} is on the page`);
    return statement;
  };

  it("shows the round on the member's page and saves their changed rating as round 2, keeping round 1", async () => {
    const [ana] = members();
    assert.equal((await statementIn(ana, "7a")).round, undefined, "not sent back yet");
    assert.equal((await call(ana, "POST", "/areas/7/send-back/7a")).status, 403, "a member cannot send it back");
    const sent = (await (await call(scenario.lead, "POST", "/areas/7/send-back/7a")).json()) as { sent: string[] };
    assert.deepEqual(sent.sent, ["7a (round 2)"]);

    const before = await statementIn(ana, "7a");
    assert.equal(before.round, 2);
    assert.equal(before.mine?.round, 1);

    const saved = await call(ana, "PUT", "/areas/7/answers/7a", {
      rating: "3",
      evidence: "Having read the others",
      ideas: "",
    });
    assert.equal(saved.status, 200);
    const stored = await scenario.harness.app.services.storage.responses.getAnswer(
      scenario.assessmentId,
      7,
      "7a",
      ana.aadObjectId,
    );
    assert.equal(stored?.rating, 3);
    assert.equal(stored.round, 2);
    assert.deepEqual(
      stored.earlierRounds?.map((earlier) => [earlier.round, earlier.rating]),
      [[1, 4]],
    );
    assert.equal((await statementIn(ana, "7a")).mine?.round, 2);
  });

  it("leaves an answer to a statement that was not sent back in round 1", async () => {
    const [, ben] = members();
    const saved = await call(ben, "PUT", "/areas/7/answers/7b", { rating: "3", evidence: "", ideas: "" });
    assert.equal(saved.status, 200);
    const after = await statementIn(ben, "7b");
    assert.equal(after.round, undefined);
    assert.equal(after.mine?.round, 1);
  });
});
