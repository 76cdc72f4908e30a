import assert from "node:assert/strict";
import { testTablesConnectionString } from "../support/azuriteForTests";
import { assignArea, startGroupScenario, type GroupScenario, type InvokeResult } from "../support/groupScenario";
import { StorageFaultProxy } from "../support/storageFaultProxy";
import { defined } from "../support/defined";

/**
 * Issue 14: storage round trips per hot card action, one after the other, counted by the proxy in
 * front of Azurite from the invoke until its response (the card refresh that runs after the turn is
 * not part of what the member waits for). Requests sent in parallel share a trip; the requests
 * themselves are bounded too, so a parallel read cannot hide a new one.
 */
const BUDGETS = {
  /**
   * The assignment (card identity, role), with the assessment (its time zone) in parallel when this instance has not
   * read it in the last 10 s; the statement's answers
   * (count, own row and its version); one transaction: answer + audit entry.
   */
  submitAnswer: 3,
  /** The assignment; the member's own answer with the statement's count (one query). */
  showMyAnswer: 2,
  /**
   * As an answer: the assignment with the assessment in parallel; the area's scores (count, own row and its
   * version); one transaction: score + audit entry.
   */
  submitGlobalScore: 3,
  /** The assignment; the decision read; one conditional transaction: decision + audit entry. */
  recordDecision: 3,
} as const;

describe("storage round trips per card action", function () {
  this.timeout(60_000);
  let proxy: StorageFaultProxy;
  let scenario: GroupScenario;

  before(async () => {
    proxy = await StorageFaultProxy.start(testTablesConnectionString());
    scenario = await startGroupScenario({ memberCount: 2, tablesConnectionString: proxy.connectionString });
    await assignArea(scenario, 7);
  });
  after(async () => {
    await scenario.harness.close();
    await proxy.close();
  });

  /** Trips in sequence; at most one extra request per trip runs in parallel. */
  async function counted(action: () => Promise<InvokeResult>): Promise<{ trips: number; result: InvokeResult }> {
    await scenario.harness.app.idle();
    const [requestsBefore, tripsBefore] = [proxy.requestCount, proxy.sequentialTrips];
    const result = await action();
    const [requests, trips] = [proxy.requestCount - requestsBefore, proxy.sequentialTrips - tripsBefore];
    await scenario.harness.app.idle();
    assert.ok(requests <= trips + 1, `${requests} requests in ${trips} trips`);
    return { trips, result };
  }

  const card = (data: Record<string, unknown>) => ({ assessmentId: scenario.assessmentId, areaNumber: "7", ...data });

  it(`saves an answer in at most ${BUDGETS.submitAnswer}, first time and changed`, async () => {
    for (const evidence of ["First evidence", "Changed evidence"]) {
      const { trips, result } = await counted(() =>
        scenario.answer(defined(scenario.members[0]), 7, "7a", { rating: "3", evidence, ideas: "" }),
      );
      assert.ok(
        result.texts.some((text) => text.includes("Your answer is saved")),
        result.texts.join(" | "),
      );
      assert.ok(trips <= BUDGETS.submitAnswer, `${evidence}: ${trips} storage round trips`);
    }
  });

  it(`shows a member's answer in at most ${BUDGETS.showMyAnswer}`, async () => {
    const { trips, result } = await counted(() =>
      scenario.act(defined(scenario.members[0]), "showMyAnswer", card({ statementId: "7a" })),
    );
    assert.ok(result.texts.includes("Changed evidence"), result.texts.join(" | "));
    assert.ok(trips <= BUDGETS.showMyAnswer, `${trips} storage round trips`);
  });

  it(`saves a global score in at most ${BUDGETS.submitGlobalScore}, first time and changed`, async () => {
    for (const score of ["6", "7"]) {
      const { trips, result } = await counted(() =>
        scenario.act(defined(scenario.members[1]), "submitGlobalScore", card({ statementId: "global", score })),
      );
      assert.ok(
        result.texts.some((text) => text.includes("Your score is saved")),
        result.texts.join(" | "),
      );
      assert.ok(trips <= BUDGETS.submitGlobalScore, `score ${score}: ${trips} storage round trips`);
    }
  });

  it(`records a lead's decision in at most ${BUDGETS.recordDecision}`, async () => {
    const data = card({ statementId: "7a", agreed_7a: "3", rationale_7a: "Agreed in the moderation meeting" });
    const { trips, result } = await counted(() => scenario.act(scenario.lead, "recordDecision", data));
    assert.ok(result.texts.includes("Agreed rating for 7a recorded"), result.texts.join(" | "));
    assert.ok(trips <= BUDGETS.recordDecision, `${trips} storage round trips`);
  });
});
