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
   * The assignment (card identity, role, open or closed), with the assessment (its time zone) in parallel when this
   * instance has not read it in the last 10 s; one single-entity write, the answer with its audit entry in its trail,
   * conditional on the member's row as this instance last saw it (none: a create), with who has answered (the card's
   * count) read alongside when this instance has not read it in the last 10 s. A wrong guess about the row costs a read
   * and a retry (tested in test/storage/responseRepository.test.ts).
   */
  submitAnswer: { trips: 2, requests: 4 },
  /** The assignment (with the assessment, as above); the member's own answer, with who has answered as above. */
  showMyAnswer: { trips: 2, requests: 4 },
  /** As an answer, with who has given the area's score in place of who has answered the statement. */
  submitGlobalScore: { trips: 2, requests: 4 },
  /** The assignment (with the assessment, as above); the decision read; one conditional transaction: decision + audit entry. */
  recordDecision: { trips: 3, requests: 4 },
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

  /** Trips in sequence, and every request (parallel ones included), within the action's budget. */
  async function counted(
    budget: { trips: number; requests: number },
    action: () => Promise<InvokeResult>,
  ): Promise<{ trips: number; writes: string[]; result: InvokeResult }> {
    await scenario.harness.app.idle();
    const [requestsBefore, tripsBefore] = [proxy.requestCount, proxy.sequentialTrips];
    const result = await action();
    const [requests, trips] = [proxy.requestCount - requestsBefore, proxy.sequentialTrips - tripsBefore];
    const writes = proxy.requestLines
      .slice(requestsBefore, proxy.requestCount)
      .filter((line) => !line.startsWith("GET"));
    await scenario.harness.app.idle();
    assert.ok(requests <= budget.requests, `${requests} requests in ${trips} trips`);
    return { trips, writes, result };
  }

  /** A saved response is one single-entity request (a create, or a replace of the version known), never a $batch. */
  function assertOneSingleEntityWrite(writes: string[]): void {
    assert.equal(writes.length, 1, writes.join(" | "));
    assert.match(writes[0] ?? "", /^(POST \/\S+Responses[ ?]|PUT \/\S+Responses\(PartitionKey=)/);
  }

  const card = (data: Record<string, unknown>) => ({ assessmentId: scenario.assessmentId, areaNumber: "7", ...data });

  it(`saves an answer in at most ${BUDGETS.submitAnswer.trips}, first time and changed`, async () => {
    for (const evidence of ["First evidence", "Changed evidence"]) {
      const { trips, writes, result } = await counted(BUDGETS.submitAnswer, () =>
        scenario.answer(defined(scenario.members[0]), 7, "7a", { rating: "3", evidence, ideas: "" }),
      );
      assert.ok(
        result.texts.some((text) => text.includes("Your answer is saved")),
        result.texts.join(" | "),
      );
      assert.ok(trips <= BUDGETS.submitAnswer.trips, `${evidence}: ${trips} storage round trips`);
      assertOneSingleEntityWrite(writes);
    }
  });

  it(`shows a member's answer in at most ${BUDGETS.showMyAnswer.trips}`, async () => {
    const { trips, result } = await counted(BUDGETS.showMyAnswer, () =>
      scenario.act(defined(scenario.members[0]), "showMyAnswer", card({ statementId: "7a" })),
    );
    assert.ok(result.texts.includes("Changed evidence"), result.texts.join(" | "));
    assert.ok(trips <= BUDGETS.showMyAnswer.trips, `${trips} storage round trips`);
  });

  it(`saves a global score in at most ${BUDGETS.submitGlobalScore.trips}, first time and changed`, async () => {
    for (const score of ["6", "7"]) {
      const { trips, writes, result } = await counted(BUDGETS.submitGlobalScore, () =>
        scenario.act(defined(scenario.members[1]), "submitGlobalScore", card({ statementId: "global", score })),
      );
      assert.ok(
        result.texts.some((text) => text.includes("Your score is saved")),
        result.texts.join(" | "),
      );
      assert.ok(trips <= BUDGETS.submitGlobalScore.trips, `score ${score}: ${trips} storage round trips`);
      assertOneSingleEntityWrite(writes);
    }
  });

  it(`records a lead's decision in at most ${BUDGETS.recordDecision.trips}`, async () => {
    const data = card({ statementId: "7a", agreed_7a: "3", rationale_7a: "Agreed in the moderation meeting" });
    const { trips, result } = await counted(BUDGETS.recordDecision, () =>
      scenario.act(scenario.lead, "recordDecision", data),
    );
    assert.ok(result.texts.includes("Agreed rating for 7a recorded"), result.texts.join(" | "));
    assert.ok(trips <= BUDGETS.recordDecision.trips, `${trips} storage round trips`);
  });
});
