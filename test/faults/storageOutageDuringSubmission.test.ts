import assert from "node:assert/strict";
import { startGroupScenario, assignArea, type GroupScenario } from "../support/groupScenario";
import { StorageFaultProxy, type StorageFault } from "../support/storageFaultProxy";
import { testTablesConnectionString } from "../support/azuriteForTests";
import { openStorage, type AppStorage } from "../../storage/openStorage";
import type { TeamsPerson } from "../../simulator/teams/people";

/**
 * Storage becomes unreachable at each storage request of a submission in turn (before the request
 * reaches Azurite, or after Azurite did it but before the bot hears back). "Half-written" for an
 * answer change means any stored state other than:
 *   - nothing changed: the previous answer, with its one audit entry;
 *   - all changed: the new answer in full (rating, evidence, ideas), with one more audit entry
 *     (after a lost response the member hears "NOT saved"; pressing again finds it stored).
 * The answer and its audit entry (in the row's trail) are one single-entity write, so an answer
 * without its entry, an entry without its answer, or a mix of old and new fields is never acceptable.
 */
const STATEMENT = "7a";
const FAULTS: readonly StorageFault[] = ["refuse", "loseResponse"];
/**
 * What a submission asks of storage, by the first line of the request: the assignment (card identity,
 * role, open or closed) and the answer's write with its audit entry: one single-entity request (a
 * replace, conditional on the version; a create for a first answer), never a $batch. The member's row is known
 * to the bot from their save moments before and the assessment from earlier turns, so neither is read;
 * who has answered (the card's count) is read alongside when the bot has not read it in the last 10 s.
 */
const REQUEST_KINDS = {
  assignment: /^GET \/\S+Assignments\(/,
  answerWrite: /^(PUT \/\S+Responses\(PartitionKey=|POST \/\S+Responses[ ?])/,
  respondents: /^GET \/\S+Responses\(\)\?/,
} as const;
type RequestKind = keyof typeof REQUEST_KINDS;
const kindOf = (requestLine: string): RequestKind | "other" =>
  (Object.keys(REQUEST_KINDS) as RequestKind[]).find((kind) => REQUEST_KINDS[kind].test(requestLine)) ?? "other";

type StoredState = "unchanged" | "complete";

describe("storage unreachable in the middle of a submission", function () {
  this.timeout(120_000);
  let proxy: StorageFaultProxy;
  let scenario: GroupScenario;
  let direct: AppStorage;
  let memberIndex = 0;

  before(async () => {
    proxy = await StorageFaultProxy.start(testTablesConnectionString());
    scenario = await startGroupScenario({ memberCount: 40, tablesConnectionString: proxy.connectionString });
    await assignArea(scenario, 7);
    direct = openStorage({ connectionString: testTablesConnectionString(), tablePrefix: scenario.harness.tablePrefix });
  });
  after(async () => {
    await scenario.harness.close();
    await proxy.close();
  });

  const oldInputs = (member: TeamsPerson) => ({ rating: "2", evidence: `Old evidence of ${member.name}`, ideas: "" });
  const newInputs = (member: TeamsPerson) => ({
    rating: "4",
    evidence: `New evidence of ${member.name}`,
    ideas: `New idea of ${member.name}`,
  });

  async function memberWithPreviousAnswer(): Promise<TeamsPerson> {
    const member = scenario.members[memberIndex++];
    if (!member) throw new Error("not enough members for the cut positions");
    const saved = await scenario.answer(member, 7, STATEMENT, oldInputs(member));
    assert.ok(saved.texts.some((text) => text.includes("Your answer is saved")));
    await scenario.harness.app.idle();
    return member;
  }

  async function storedState(member: TeamsPerson): Promise<StoredState> {
    const answer = await direct.responses.getAnswer(scenario.assessmentId, 7, STATEMENT, member.aadObjectId);
    const audited = (await direct.audit.list(scenario.assessmentId)).filter(
      (entry) => entry.actorAadObjectId === member.aadObjectId && entry.target === STATEMENT,
    ).length;
    const fields = answer && { rating: String(answer.rating), evidence: answer.evidence, ideas: answer.ideas };
    if (JSON.stringify(fields) === JSON.stringify(oldInputs(member)) && audited === 1) return "unchanged";
    if (JSON.stringify(fields) === JSON.stringify(newInputs(member)) && audited === 2) return "complete";
    assert.fail(`half-written: answer ${JSON.stringify(fields)} with ${audited} audit entries`);
  }

  /** The kinds of storage request of one answer change, up to the invoke response (the card refresh runs after the turn). */
  async function requestsOfOneSubmission(): Promise<(RequestKind | "other")[]> {
    const member = await memberWithPreviousAnswer();
    const before = proxy.requestLines.length;
    await scenario.answer(member, 7, STATEMENT, newInputs(member));
    const kinds = proxy.requestLines.slice(before).map(kindOf);
    await scenario.harness.app.idle();
    return kinds;
  }

  it("tells the member it was not saved, keeps their text, leaves no half state, and the retry stores it once", async () => {
    const kinds = await requestsOfOneSubmission();
    assert.deepEqual(
      kinds.filter((kind) => kind !== "respondents"),
      ["assignment", "answerWrite"],
      "the storage calls of a submission changed: re-check the half states above",
    );
    const seen: Record<StoredState, number> = { unchanged: 0, complete: 0 };
    // The count, when it is read, is a read alongside the write: cut, it fails the submission as the assignment's does.
    const cuts: RequestKind[] = ["assignment", "answerWrite"];
    for (const cut of cuts) {
      for (const fault of FAULTS) {
        const member = await memberWithPreviousAnswer();
        proxy.cutFrom((requestLine) => kindOf(requestLine) === cut, fault);
        const refused = await scenario.answer(member, 7, STATEMENT, newInputs(member));
        await scenario.harness.app.idle();
        proxy.restore();
        const where = `cut at the ${cut} request (${fault})`;
        assert.equal(refused.status, 200, where);
        assert.ok(
          refused.texts.some((text) => text.includes("NOT saved")),
          `${where}: ${refused.texts.join(" | ")}`,
        );
        assert.ok(
          refused.texts.includes(newInputs(member).evidence) && refused.texts.includes(newInputs(member).ideas),
          `${where}: the typed text is kept`,
        );
        seen[await storedState(member)] += 1;

        const retried = await scenario.answer(member, 7, STATEMENT, newInputs(member));
        assert.ok(
          retried.texts.some((text) => text.includes("Your answer is saved")),
          `${where}: the retry is saved`,
        );
        assert.equal(
          await storedState(member),
          "complete",
          `${where}: after the retry, the new answer with exactly one entry for it`,
        );
      }
    }
    assert.equal(proxy.faultsInjected >= cuts.length * FAULTS.length, true);
    // Cutting before the write leaves everything unchanged; a lost response to it leaves both written.
    assert.ok(seen.unchanged > 0 && seen.complete > 0, JSON.stringify(seen));
    const answers = await direct.responses.listStatementAnswers(scenario.assessmentId, 7, STATEMENT);
    assert.equal(answers.length, memberIndex, "one answer per member, none duplicated or lost");
    const logs = scenario.harness.logLines.join("\n");
    assert.ok(!logs.includes("evidence of"), "no evidence or ideas text in the logs");
    console.log(
      `      storage cuts: ${cuts.length} requests x ${FAULTS.length} kinds, ${proxy.faultsInjected} requests cut, states ${JSON.stringify(seen)}`,
    );
  });

  it("answers within the per-request timeout when storage stops answering at the answer write (black hole, not a reset)", async () => {
    const member = await memberWithPreviousAnswer();
    proxy.cutFrom((requestLine) => kindOf(requestLine) === "answerWrite", "hang");
    const startedAt = Date.now();
    const refused = await scenario.answer(member, 7, STATEMENT, newInputs(member));
    const tookMs = Date.now() - startedAt;
    proxy.restore();
    await scenario.harness.app.idle();
    assert.ok(
      refused.texts.some((text) => text.includes("NOT saved")) && refused.texts.includes(newInputs(member).evidence),
    );
    assert.equal(await storedState(member), "unchanged");
    // Reported, not asserted: Teams gives up on an invoke after about 10 s (storage/tableClientFactory sets 5 s per request).
    console.log(`      black-holed storage: the member heard "NOT saved" after ${tookMs} ms`);
  });
});
