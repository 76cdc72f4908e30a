import assert from "node:assert/strict";
import { aGlobalScore, aPerson, anAnswer } from "../support/domainFactories";
import { openTestStorage, type TestStorage } from "../support/openTestStorage";
import { firstEntity } from "../support/firstEntity";
import { openStorage } from "../../storage/openStorage";
import { testTablesConnectionString } from "../support/azuriteForTests";

const sam = aPerson();
const alex = aPerson({ aadObjectId: "aad-alex", teamsUserId: "29:alex", name: "Alex" });

describe("ResponseRepository", () => {
  let test: TestStorage;
  beforeEach(async () => (test = await openTestStorage()));

  it("reports created, unchanged (writing nothing) and updated with the previous answer", async () => {
    const answer = anAnswer();
    assert.deepEqual(await test.storage.responses.saveAnswer(answer), { outcome: "created" });
    const before = await firstEntity(test.clients.responses);
    const resubmitted = await test.storage.responses.saveAnswer({ ...answer, updatedAt: "2026-03-03T00:00:00.000Z" });
    assert.equal(resubmitted.outcome, "unchanged");
    const after = await firstEntity(test.clients.responses);
    assert.equal(after?.etag, before?.etag, "an identical resubmission writes nothing");
    const changed = await test.storage.responses.saveAnswer({ ...answer, rating: 4, evidence: "New evidence" });
    assert.deepEqual(changed, { outcome: "updated", previous: answer });
    assert.equal((await test.storage.responses.getAnswer(answer.assessmentId, 7, "7a", sam.aadObjectId))?.rating, 4);
  });

  it("keeps partitions apart: area 7's answers never appear in area 8", async () => {
    await test.storage.responses.saveAnswer(anAnswer({ areaNumber: 7, statementId: "7a" }));
    await test.storage.responses.saveAnswer(anAnswer({ areaNumber: 7, statementId: "7b", respondent: alex }));
    await test.storage.responses.saveAnswer(anAnswer({ areaNumber: 8, statementId: "8a" }));
    await test.storage.responses.saveAnswer(anAnswer({ assessmentId: "other", areaNumber: 7, statementId: "7c" }));
    await test.storage.responses.saveGlobalScore(aGlobalScore({ areaNumber: 7 }));
    assert.deepEqual(
      (await test.storage.responses.listAreaAnswers("assessment-1", 7)).map((a) => a.statementId),
      ["7a", "7b"],
    );
    assert.deepEqual(
      (await test.storage.responses.listAreaAnswers("assessment-1", 8)).map((a) => a.statementId),
      ["8a"],
    );
    const all = await test.storage.responses.listAssessmentAnswers("assessment-1", [8, 7, 9]);
    assert.deepEqual(
      all.map((a) => a.statementId),
      ["8a", "7a", "7b"],
    );
  });

  it("saves global scores with the same outcomes, apart from answers", async () => {
    const score = aGlobalScore();
    assert.equal((await test.storage.responses.saveGlobalScore(score)).outcome, "created");
    assert.equal((await test.storage.responses.saveGlobalScore({ ...score, updatedAt: "later" })).outcome, "unchanged");
    assert.deepEqual(await test.storage.responses.saveGlobalScore({ ...score, score: 8 }), {
      outcome: "updated",
      previous: score,
    });
    await test.storage.responses.saveAnswer(anAnswer());
    assert.deepEqual(
      (await test.storage.responses.listAreaGlobalScores("assessment-1", 7)).map((s) => s.score),
      [8],
    );
    assert.equal((await test.storage.responses.getGlobalScore("assessment-1", 7, sam.aadObjectId))?.score, 8);
  });

  it("never loses one of two concurrent edits of the same answer", async () => {
    const answer = anAnswer();
    const results = await Promise.all([
      test.storage.responses.saveAnswer({ ...answer, rating: 1 }),
      test.storage.responses.saveAnswer({ ...answer, rating: 4 }),
    ]);
    const outcomes = results.map((result) => result.outcome).sort();
    assert.deepEqual(outcomes, ["created", "updated"]);
    const updated = results.find((result) => result.outcome === "updated");
    const stored = await test.storage.responses.getAnswer(answer.assessmentId, 7, "7a", sam.aadObjectId);
    assert.notEqual(updated?.previous?.rating, stored?.rating, "the second save saw the first as its previous");
  });

  describe("as one of two bot instances on the same tables", () => {
    /** The other instance: same tables, its own memory of rows and counts. */
    const otherInstance = () =>
      openStorage({ connectionString: testTablesConnectionString(), tablePrefix: test.tablePrefix }).responses;

    it("saves without reading first, and a change made elsewhere costs a retry, never a lost change", async () => {
      const here = test.storage.responses;
      const there = otherInstance();
      const first = anAnswer({ rating: 1, evidence: "First" });
      assert.deepEqual(await here.saveAnswer(first), { outcome: "created" });
      const second = { ...first, rating: 2 as const, evidence: "Second, from the other instance" };
      assert.deepEqual(await there.saveAnswer(second), { outcome: "updated", previous: first });
      const third = { ...first, rating: 3 as const, evidence: "Third, here again" };
      assert.deepEqual(
        await here.saveAnswer(third),
        { outcome: "updated", previous: second },
        "the version this instance remembered was stale: it read the other instance's change and replaced that",
      );
      assert.equal((await there.getAnswer(first.assessmentId, 7, "7a", sam.aadObjectId))?.evidence, third.evidence);
    });

    it("writes an identical resubmission once the row changed elsewhere, instead of calling it unchanged", async () => {
      const here = test.storage.responses;
      const mine = anAnswer({ rating: 4, evidence: "Mine" });
      await here.saveAnswer(mine);
      const theirs = { ...mine, rating: 1 as const, evidence: "Changed in the tab on the other instance" };
      await otherInstance().saveAnswer(theirs);
      assert.deepEqual(await here.saveAnswer({ ...mine }), { outcome: "updated", previous: theirs });
      assert.equal((await here.getAnswer(mine.assessmentId, 7, "7a", sam.aadObjectId))?.evidence, "Mine");
    });

    it("counts who has answered from one column, reusing the read for 10 s and adding its own saves", async () => {
      let now = new Date("2026-12-02T10:00:00.000Z");
      const opened = await openTestStorage({ now: () => now });
      const here = opened.storage.responses;
      const respondents = async () => [...(await here.statementRespondents("assessment-1", 7, "7a"))].sort();
      assert.deepEqual(await respondents(), []);
      await here.saveAnswer(anAnswer());
      assert.deepEqual(await respondents(), [sam.aadObjectId], "its own save counts at once");
      const elsewhere = openStorage({
        connectionString: testTablesConnectionString(),
        tablePrefix: opened.tablePrefix,
      });
      await elsewhere.responses.saveAnswer(anAnswer({ respondent: alex }));
      assert.deepEqual(await respondents(), [sam.aadObjectId], "another instance's answer waits for the next read");
      now = new Date(now.getTime() + 10_000);
      assert.deepEqual(await respondents(), [alex.aadObjectId, sam.aadObjectId].sort(), "read again after 10 s");
    });
  });

  it("finds and deletes one person's answers and scores across areas", async () => {
    await test.storage.responses.saveAnswer(anAnswer({ areaNumber: 7, statementId: "7a" }));
    await test.storage.responses.saveAnswer(anAnswer({ areaNumber: 8, statementId: "8b" }));
    await test.storage.responses.saveAnswer(anAnswer({ areaNumber: 7, statementId: "7a", respondent: alex }));
    await test.storage.responses.saveGlobalScore(aGlobalScore({ areaNumber: 8 }));
    await test.storage.responses.saveGlobalScore(aGlobalScore({ areaNumber: 8, respondent: alex }));
    assert.deepEqual(
      (await test.storage.responses.listAnswersBy("assessment-1", [7, 8], sam.aadObjectId)).map((a) => a.statementId),
      ["7a", "8b"],
    );
    assert.equal((await test.storage.responses.listGlobalScoresBy("assessment-1", [7, 8], sam.aadObjectId)).length, 1);
    assert.equal(await test.storage.responses.deleteBy("assessment-1", [7, 8], sam.aadObjectId), 3);
    assert.deepEqual(
      (await test.storage.responses.listAssessmentAnswers("assessment-1", [7, 8])).map((a) => a.respondent.name),
      ["Alex"],
    );
    assert.deepEqual(
      (await test.storage.responses.listAreaGlobalScores("assessment-1", 8)).map((s) => s.respondent.name),
      ["Alex"],
    );
  });
});
