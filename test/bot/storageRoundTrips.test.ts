import assert from "node:assert/strict";
import { testTablesConnectionString } from "../support/azuriteForTests";
import { assignArea, startGroupScenario, type GroupScenario, type InvokeResult } from "../support/groupScenario";
import { StorageFaultProxy } from "../support/storageFaultProxy";

/**
 * Issue 14: storage round trips per hot card action, counted as the requests that reach storage
 * (through the counting proxy) from the invoke until its response — the card refresh that runs
 * after the turn is not part of what the member waits for. Requests the bot sends in parallel
 * count one each, so a budget here bounds the sequential trips too.
 */
const BUDGETS = {
  /** The assignment (card identity, role); the statement's answers (count, own row and its version); one transaction: answer + audit entry. */
  submitAnswer: 3,
  /** The assignment; the member's own answer with the statement's count (one query). */
  showMyAnswer: 2,
  /** The assignment; the area's scores; the score's read-modify-write (read, conditional write); its audit entry. */
  submitGlobalScore: 5,
  /** The assignment; the decision read and its conditional write; its audit entry. */
  recordDecision: 4,
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

  async function counted(action: () => Promise<InvokeResult>): Promise<{ requests: number; result: InvokeResult }> {
    await scenario.harness.app.idle();
    const before = proxy.requestCount;
    const result = await action();
    const requests = proxy.requestCount - before;
    await scenario.harness.app.idle();
    return { requests, result };
  }

  const card = (data: Record<string, unknown>) => ({ assessmentId: scenario.assessmentId, areaNumber: "7", ...data });

  it(`saves an answer in at most ${BUDGETS.submitAnswer}, first time and changed`, async () => {
    const [member] = scenario.members;
    for (const evidence of ["First evidence", "Changed evidence"]) {
      const { requests, result } = await counted(() => scenario.answer(member!, 7, "7a", { rating: "3", evidence, ideas: "" }));
      assert.ok(result.texts.some((text) => text.includes("Your answer is saved")), result.texts.join(" | "));
      assert.ok(requests <= BUDGETS.submitAnswer, `${evidence}: ${requests} storage requests`);
    }
  });

  it(`shows a member's answer in at most ${BUDGETS.showMyAnswer}`, async () => {
    const { requests, result } = await counted(() => scenario.act(scenario.members[0]!, "showMyAnswer", card({ statementId: "7a" })));
    assert.ok(result.texts.includes("Changed evidence"), result.texts.join(" | "));
    assert.ok(requests <= BUDGETS.showMyAnswer, `${requests} storage requests`);
  });

  it(`saves a global score in at most ${BUDGETS.submitGlobalScore}`, async () => {
    const { requests, result } = await counted(() => scenario.act(scenario.members[1]!, "submitGlobalScore", card({ statementId: "global", score: "6" })));
    assert.ok(result.texts.some((text) => text.includes("Your score is saved")), result.texts.join(" | "));
    assert.ok(requests <= BUDGETS.submitGlobalScore, `${requests} storage requests`);
  });

  it(`records a lead's decision in at most ${BUDGETS.recordDecision}`, async () => {
    const data = card({ statementId: "7a", agreed_7a: "3", rationale_7a: "Agreed in the moderation meeting" });
    const { requests, result } = await counted(() => scenario.act(scenario.lead, "recordDecision", data));
    assert.ok(result.texts.includes("Agreed rating for 7a recorded"), result.texts.join(" | "));
    assert.ok(requests <= BUDGETS.recordDecision, `${requests} storage requests`);
  });
});
