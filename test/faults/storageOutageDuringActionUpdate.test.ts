import assert from "node:assert/strict";
import { startGroupScenario, assignArea, type GroupScenario } from "../support/groupScenario";
import { StorageFaultProxy, type StorageFault } from "../support/storageFaultProxy";
import { testTablesConnectionString } from "../support/azuriteForTests";
import { openStorage, type AppStorage } from "../../storage/openStorage";

/**
 * Storage becomes unreachable at each storage request of an action plan change in turn (before the
 * request reaches Azurite, or after Azurite did it but before the bot hears back). The change and its
 * audit entry are one transaction, so the stored state is always one of:
 *   - nothing changed: the previous due date, with as many entries as before;
 *   - all changed: the new due date, with exactly one more entry, recording it.
 * A change without its entry (the second write of a change-then-append never made) fails the test.
 */
const STATEMENT = "7b";
const FAULTS: readonly StorageFault[] = ["refuse", "loseResponse"];

type StoredState = "unchanged" | "complete";

describe("storage unreachable in the middle of an action plan change", function () {
  this.timeout(120_000);
  let proxy: StorageFaultProxy;
  let scenario: GroupScenario;
  let direct: AppStorage;
  let day = 0;

  before(async () => {
    proxy = await StorageFaultProxy.start(testTablesConnectionString());
    scenario = await startGroupScenario({ tablesConnectionString: proxy.connectionString });
    await assignArea(scenario, 7);
    // 7b agreed at 2 by everyone: an action of the plan.
    for (const member of scenario.members)
      await scenario.answer(member, 7, STATEMENT, { rating: "2", evidence: "Not yet", ideas: "A housing protocol" });
    direct = openStorage({ connectionString: testTablesConnectionString(), tablePrefix: scenario.harness.tablePrefix });
  });
  after(async () => {
    await scenario.harness.close();
    await proxy.close();
  });

  /** A due date no earlier change used, so every save is a change. */
  const nextDueDate = () => new Date(Date.UTC(2027, 0, 1 + day++)).toISOString().slice(0, 10);

  const save = (dueDate: string) =>
    scenario.act(scenario.lead, "updateActionItem", {
      assessmentId: scenario.assessmentId,
      statementId: STATEMENT,
      owner_7b: "",
      due_7b: dueDate,
      status_7b: "On track",
    });

  async function stored(): Promise<{ dueDate: string | undefined; entries: { after: string }[] }> {
    const item = await direct.actionItems.get(scenario.assessmentId, STATEMENT);
    const entries = (await direct.audit.list(scenario.assessmentId))
      .filter((entry) => entry.action === "actionItemUpdated" && entry.target === STATEMENT)
      .map((entry) => ({ after: entry.after ?? "" }));
    return { dueDate: item?.dueDate, entries };
  }

  async function stateAfter(
    before: Awaited<ReturnType<typeof stored>>,
    dueDate: string,
    where: string,
  ): Promise<StoredState> {
    const now = await stored();
    if (now.dueDate === before.dueDate && now.entries.length === before.entries.length) return "unchanged";
    if (
      now.dueDate === dueDate &&
      now.entries.length === before.entries.length + 1 &&
      now.entries.some((entry) => entry.after.includes(dueDate))
    )
      return "complete";
    assert.fail(
      `${where}: half-written: due date ${String(now.dueDate)} with ${now.entries.length} entries (before: ${String(before.dueDate)} with ${before.entries.length})`,
    );
  }

  it("never keeps a change without its audit entry, nor an entry without its change, and the retry stores it once", async () => {
    const first = await save(nextDueDate());
    assert.ok(first.texts.includes("✓ Saved 7b."), first.texts.join(" | "));
    await scenario.harness.app.idle();

    const before = proxy.requestCount;
    const counted = await save(nextDueDate());
    const positions = proxy.requestCount - before;
    assert.ok(counted.texts.includes("✓ Saved 7b."), counted.texts.join(" | "));
    await scenario.harness.app.idle();

    const seen: Record<StoredState, number> = { unchanged: 0, complete: 0 };
    // Up to the first position whose refusal finds the change complete: every write of the change is behind it.
    let refusedAfterTheWrites = false;
    for (let position = 0; position < positions && !refusedAfterTheWrites; position += 1) {
      for (const fault of FAULTS) {
        const where = `cut at request ${position} of ${positions} (${fault})`;
        const previous = await stored();
        const dueDate = nextDueDate();
        proxy.cutAfter(position, fault);
        const cut = await save(dueDate);
        await scenario.harness.app.idle();
        proxy.restore();
        assert.equal(cut.status, 200, where);
        const state = await stateAfter(previous, dueDate, where);
        seen[state] += 1;
        if (fault === "refuse" && state === "complete") refusedAfterTheWrites = true;

        const settled = await stored();
        if (settled.dueDate !== dueDate) {
          const retried = await save(dueDate);
          assert.ok(retried.texts.includes("✓ Saved 7b."), `${where}: the retry is saved`);
          assert.equal(await stateAfter(settled, dueDate, `${where}, retried`), "complete");
        }
      }
    }
    // Cutting before the transaction leaves everything unchanged; a lost response to it leaves both written.
    assert.ok(refusedAfterTheWrites && seen.unchanged > 0 && seen.complete > 0, JSON.stringify(seen));
    console.log(
      `      storage cuts: up to the change's writes of ${positions} requests x ${FAULTS.length} kinds, ${proxy.faultsInjected} requests cut, states ${JSON.stringify(seen)}`,
    );
  });
});
