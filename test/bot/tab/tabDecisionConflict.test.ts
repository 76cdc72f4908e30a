import assert from "node:assert/strict";
import { assignArea, startGroupScenario, type GroupScenario } from "../../support/groupScenario";
import type { TeamsPerson } from "../../../simulator/teams/people";
import type { LeadAreaView, SaveResponse } from "../../../bot/tab/tabApiContract";

/**
 * Two people moderating one area at once (the lead and the coordinator, both allowed to record):
 * a decision recorded from a page filled before another was recorded must not overwrite it unseen.
 * The refusal names who recorded what and hands back the stored decision's time, so pressing
 * Record again (sending that time) replaces it knowingly.
 */
describe("a decision recorded over one the recorder had not seen", () => {
  let scenario: GroupScenario;

  beforeEach(async () => {
    scenario = await startGroupScenario({ memberCount: 1 });
    await assignArea(scenario, 7);
    const [ana] = scenario.members as [TeamsPerson];
    await scenario.answer(ana, 7, "7a", { rating: "3", evidence: "Most plans were reviewed on time" });
  });
  afterEach(async () => scenario.harness.close());

  const put = async (person: TeamsPerson, path: string, body: unknown) => {
    const response = await scenario.tabApi(person, "PUT", path, body);
    return { status: response.status, body: (await response.json()) as SaveResponse };
  };
  const storedDecision = async (person: TeamsPerson) => {
    const response = await scenario.tabApi(person, "GET", "/areas/7/moderation");
    const view = (await response.json()) as LeadAreaView;
    return view.digest.statements.find((statement) => statement.statementId === "7a")?.decision;
  };

  it("keeps the other decision, names it, and replaces it only when sent again knowing it", async () => {
    // Both pages were filled while 7a had no decision.
    const first = await put(scenario.coordinator, "/areas/7/decisions/7a", {
      agreedRating: "3",
      rationale: "Coordinator: reviews are mostly on time",
      replacing: null,
    });
    assert.equal(first.status, 200);

    const stale = await put(scenario.lead, "/areas/7/decisions/7a", {
      agreedRating: "2",
      rationale: "Lead: too many late reviews",
      replacing: null,
    });
    assert.equal(stale.status, 422);
    assert.ok(!stale.body.ok);
    assert.match(stale.body.message, /Chris Coordinator recorded agreed rating 3 for 7a/);
    assert.match(stale.body.message, /press Record again/);
    assert.equal((await storedDecision(scenario.lead))?.rationale, "Coordinator: reviews are mostly on time");

    assert.ok(first.body.ok);
    assert.equal(stale.body.decidedAt, first.body.savedAt, "the refusal hands back the stored decision's time");
    const knowing = await put(scenario.lead, "/areas/7/decisions/7a", {
      agreedRating: "2",
      rationale: "Lead: too many late reviews",
      replacing: stale.body.decidedAt,
    });
    assert.equal(knowing.status, 200);
    const stored = await storedDecision(scenario.lead);
    assert.equal(stored?.agreedRating, 2);
    assert.equal(stored.rationale, "Lead: too many late reviews");
  });

  it("guards the agreed global score the same way", async () => {
    const first = await put(scenario.coordinator, "/areas/7/global-decision", {
      agreedScore: "6",
      rationale: "Coordinator's view",
      replacing: null,
    });
    assert.equal(first.status, 200);
    const stale = await put(scenario.lead, "/areas/7/global-decision", {
      agreedScore: "4",
      rationale: "Lead's view",
      replacing: null,
    });
    assert.equal(stale.status, 422);
    assert.ok(!stale.body.ok);
    assert.match(stale.body.message, /Chris Coordinator recorded agreed global score 6 for area 7/);
    const response = await scenario.tabApi(scenario.lead, "GET", "/areas/7/moderation");
    const view = (await response.json()) as LeadAreaView;
    assert.equal(view.digest.globalScore.decision?.agreedScore, 6);
    assert.equal(view.digest.globalScore.decision.decidedAt, stale.body.decidedAt);
  });

  it("replaces whatever is stored when no `replacing` is sent (a page loaded before the guard existed)", async () => {
    await put(scenario.coordinator, "/areas/7/decisions/7a", { agreedRating: "3", rationale: "First" });
    const unguarded = await put(scenario.lead, "/areas/7/decisions/7a", { agreedRating: "2", rationale: "Second" });
    assert.equal(unguarded.status, 200);
    assert.equal((await storedDecision(scenario.lead))?.rationale, "Second");
  });
});
