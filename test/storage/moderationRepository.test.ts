import assert from "node:assert/strict";
import { aDecision, aGlobalDecision } from "../support/domainFactories";
import { openTestStorage, type TestStorage } from "../support/openTestStorage";

describe("ModerationRepository", () => {
  let test: TestStorage;
  beforeEach(async () => (test = await openTestStorage()));

  it("saves decisions, returning what each save replaced", async () => {
    const first = aDecision();
    assert.deepEqual(await test.storage.moderation.saveDecision(first), {});
    const second = { ...first, agreedRating: 4 as const, rationale: "Evidence from care leavers" };
    assert.deepEqual(await test.storage.moderation.saveDecision(second), { previous: first });
    assert.deepEqual(await test.storage.moderation.getDecision("assessment-1", "7a"), second);
    assert.equal(await test.storage.moderation.getDecision("assessment-1", "7b"), undefined);
  });

  it("leaves exactly one final decision after 20 concurrent saves, without errors", async () => {
    const saves = Array.from({ length: 20 }, (_, index) => aDecision({ rationale: `decision ${index}` }));
    const results = await Promise.all(saves.map((decision) => test.storage.moderation.saveDecision(decision)));
    const decisions = await test.storage.moderation.listDecisions("assessment-1");
    assert.equal(decisions.length, 1);
    assert.ok(saves.some((save) => save.rationale === decisions[0]?.rationale));
    // Every save but the first replaced another, each a different one: the saves formed one chain.
    const replaced = results.flatMap((result) => (result.previous ? [result.previous.rationale] : []));
    assert.equal(replaced.length, 19);
    assert.equal(new Set(replaced).size, 19);
  });

  it("lists statement and global decisions separately, per assessment", async () => {
    await test.storage.moderation.saveDecision(aDecision({ statementId: "7b", areaNumber: 7 }));
    await test.storage.moderation.saveDecision(aDecision({ statementId: "10a", areaNumber: 10 }));
    await test.storage.moderation.saveDecision(aDecision({ assessmentId: "other" }));
    await test.storage.moderation.saveGlobalDecision(aGlobalDecision({ areaNumber: 10 }));
    const second = aGlobalDecision({ areaNumber: 2, agreedScore: 3 });
    await test.storage.moderation.saveGlobalDecision(second);
    assert.deepEqual((await test.storage.moderation.listDecisions("assessment-1")).map((d) => d.statementId).sort(), [
      "10a",
      "7b",
    ]);
    assert.deepEqual(
      (await test.storage.moderation.listGlobalDecisions("assessment-1")).map((d) => d.areaNumber),
      [2, 10],
    );
    assert.deepEqual(await test.storage.moderation.saveGlobalDecision({ ...second, agreedScore: 4 }), {
      previous: second,
    });
    assert.equal((await test.storage.moderation.getGlobalDecision("assessment-1", 2))?.agreedScore, 4);
  });
});
