import assert from "node:assert/strict";
import type { GlobalScoreDecision, ModerationDecision } from "../../assessment/moderation/moderationDecision";
import { aDecision, aGlobalDecision, anAuditEntry } from "../support/domainFactories";
import { openTestStorage, type TestStorage } from "../support/openTestStorage";

/** An audit entry naming what the save replaced, so the trail shows each save's before → after. */
const audited =
  (decision: ModerationDecision | GlobalScoreDecision) =>
  (previous: ModerationDecision | GlobalScoreDecision | undefined) =>
    anAuditEntry({
      assessmentId: decision.assessmentId,
      at: decision.decidedAt,
      action: "decisionRecorded",
      target: "statementId" in decision ? decision.statementId : `area ${decision.areaNumber}`,
      before: previous?.rationale,
      after: decision.rationale,
    });

describe("ModerationRepository", () => {
  let test: TestStorage;
  beforeEach(async () => (test = await openTestStorage()));

  it("saves decisions with their audit entries, returning what each save replaced", async () => {
    const first = aDecision();
    assert.deepEqual(await test.storage.moderation.saveDecision(first, audited(first)), {
      written: true,
      previous: undefined,
    });
    const second = {
      ...first,
      agreedRating: 4 as const,
      rationale: "Evidence from care leavers",
      decidedAt: "2026-03-02T12:00:00.000Z",
    };
    assert.deepEqual(await test.storage.moderation.saveDecision(second, audited(second)), {
      written: true,
      previous: first,
    });
    assert.deepEqual(await test.storage.moderation.getDecision("assessment-1", "7a"), second);
    assert.equal(await test.storage.moderation.getDecision("assessment-1", "7b"), undefined);
    const trail = await test.storage.audit.list("assessment-1");
    assert.deepEqual(
      trail.map((entry) => [entry.before, entry.after]),
      [
        [undefined, first.rationale],
        [first.rationale, second.rationale],
      ],
    );
  });

  it("keeps agreed evidence and ideas with the decision, and drops blank ones", async () => {
    const withText = aDecision({
      agreedEvidence: "Pathway plans reviewed\nwith young people",
      agreedIdeas: "Peer audit",
    });
    await test.storage.moderation.saveDecision(withText, audited(withText));
    assert.deepEqual(await test.storage.moderation.getDecision("assessment-1", "7a"), withText);
    const without = { ...withText, agreedEvidence: undefined, agreedIdeas: undefined };
    await test.storage.moderation.saveDecision(without, audited(without));
    const stored = await test.storage.moderation.getDecision("assessment-1", "7a");
    assert.equal(stored?.agreedEvidence, undefined);
    assert.equal(stored?.agreedIdeas, undefined);
  });

  it("onlyIfAbsent writes neither decision nor audit entry when the statement is decided", async () => {
    const lead = aDecision({ rationale: "The lead's" });
    await test.storage.moderation.saveDecision(lead, audited(lead));
    const bulk = aDecision({ rationale: "Accepted" });
    assert.deepEqual(await test.storage.moderation.saveDecision(bulk, audited(bulk), { onlyIfAbsent: true }), {
      written: false,
      previous: lead,
    });
    assert.equal((await test.storage.moderation.getDecision("assessment-1", "7a"))?.rationale, "The lead's");
    assert.equal((await test.storage.audit.list("assessment-1")).length, 1);
  });

  it("leaves exactly one final decision after 20 concurrent saves, one audit entry each, without errors", async () => {
    const saves = Array.from({ length: 20 }, (_, index) => aDecision({ rationale: `decision ${index}` }));
    const results = await Promise.all(
      saves.map((decision) => test.storage.moderation.saveDecision(decision, audited(decision))),
    );
    const decisions = await test.storage.moderation.listDecisions("assessment-1");
    assert.equal(decisions.length, 1);
    assert.ok(saves.some((save) => save.rationale === decisions[0]?.rationale));
    // Every save but the first replaced another, each a different one: the saves formed one chain.
    const replaced = results.flatMap((result) => (result.previous ? [result.previous.rationale] : []));
    assert.equal(replaced.length, 19);
    assert.equal(new Set(replaced).size, 19);
    // A save retried after a conflict wrote its entry only with the decision that won.
    const trail = await test.storage.audit.list("assessment-1");
    assert.equal(trail.length, 20);
    assert.deepEqual(new Set(trail.map((entry) => entry.before)), new Set([undefined, ...replaced]));
  });

  it("lists statement and global decisions separately, per assessment", async () => {
    const saveDecision = (decision: ModerationDecision) =>
      test.storage.moderation.saveDecision(decision, audited(decision));
    const saveGlobal = (decision: GlobalScoreDecision) =>
      test.storage.moderation.saveGlobalDecision(decision, audited(decision));
    await saveDecision(aDecision({ statementId: "7b", areaNumber: 7 }));
    await saveDecision(aDecision({ statementId: "10a", areaNumber: 10 }));
    await saveDecision(aDecision({ assessmentId: "other" }));
    await saveGlobal(aGlobalDecision({ areaNumber: 10 }));
    const second = aGlobalDecision({ areaNumber: 2, agreedScore: 3 });
    await saveGlobal(second);
    assert.deepEqual((await test.storage.moderation.listDecisions("assessment-1")).map((d) => d.statementId).sort(), [
      "10a",
      "7b",
    ]);
    assert.deepEqual(
      (await test.storage.moderation.listGlobalDecisions("assessment-1")).map((d) => d.areaNumber),
      [2, 10],
    );
    assert.deepEqual(await saveGlobal({ ...second, agreedScore: 4 }), { written: true, previous: second });
    assert.equal((await test.storage.moderation.getGlobalDecision("assessment-1", 2))?.agreedScore, 4);
  });
});
