import assert from "node:assert/strict";
import { aGlobalScore, aPerson, anAnswer } from "../support/domainFactories";
import { openTestStorage, type TestStorage } from "../support/openTestStorage";
import { firstEntity } from "../support/firstEntity";
import { openStorage } from "../../storage/openStorage";
import { testTablesConnectionString } from "../support/azuriteForTests";
import { audited, auditedScore, responseRows, secondAt, trailOf } from "../support/auditedSaves";
import type { AuditEntry } from "../../assessment/audit/auditEntry";
import { TRAIL_MAX } from "../../storage/mappings/responseMappings";

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

  describe("audit trail: each row carries the audit entries of its changes", () => {
    const history = (entries: AuditEntry[]) => entries.map(({ action, before, after }) => ({ action, before, after }));

    it("keeps a create and two edits in the row's trail, listed in order with their before and after", async () => {
      const { responses, audit } = test.storage;
      for (const [second, rating] of [
        [1, 1],
        [2, 2],
        [3, 4],
      ] as const) {
        const answer = anAnswer({ rating, updatedAt: secondAt(second) });
        await responses.saveAnswer(answer, audited(answer));
      }
      const rows = await responseRows(test.clients.responses);
      assert.equal(rows.s.length, 1);
      assert.equal(rows.a.length, 0, "no audit row beside the answer");
      assert.deepEqual(
        trailOf(rows.s[0]).map((entry) => entry.after),
        ["1", "2", "4"],
      );
      assert.deepEqual(history(await audit.list("assessment-1")), [
        { action: "answerCreated", before: undefined, after: "1" },
        { action: "answerChanged", before: "1", after: "2" },
        { action: "answerChanged", before: "2", after: "4" },
      ]);
    });

    it("never returns a trail: reads, lists and a save's previous value hold the domain value only", async () => {
      const { responses } = test.storage;
      const first = anAnswer({ rating: 1, updatedAt: secondAt(1) });
      await responses.saveAnswer(first, audited(first));
      const score = aGlobalScore({ updatedAt: secondAt(1) });
      await responses.saveGlobalScore(score, auditedScore(score));
      const read = await responses.readStatement("assessment-1", 7, "7a", sam.aadObjectId);
      const second = { ...first, rating: 2 as const, updatedAt: secondAt(2) };
      const readScores = await responses.readGlobalScores("assessment-1", 7, sam.aadObjectId);
      const returned: unknown[] = [
        read.own?.value,
        readScores.own?.value,
        await responses.saveAnswer(second, { ...audited(second), read }),
        await responses.saveAnswer({ ...second, updatedAt: secondAt(3) }, audited(second)),
        await responses.saveGlobalScore({ ...score, score: 9, updatedAt: secondAt(2) }, auditedScore(score)),
        await responses.getAnswer("assessment-1", 7, "7a", sam.aadObjectId),
        await responses.getGlobalScore("assessment-1", 7, sam.aadObjectId),
        await responses.listAreaAnswers("assessment-1", 7),
        await responses.listStatementAnswers("assessment-1", 7, "7a"),
        await responses.listAssessmentAnswers("assessment-1", [7]),
        await responses.listAnswersBy("assessment-1", [7], sam.aadObjectId),
        await responses.listAreaGlobalScores("assessment-1", 7),
        await responses.listGlobalScoresBy("assessment-1", [7], sam.aadObjectId),
        (await responses.readStatement("assessment-1", 7, "7a", sam.aadObjectId)).own?.value,
      ];
      assert.equal(trailOf((await responseRows(test.clients.responses)).s[0]).length, 2, "the row has a trail");
      for (const [index, value] of returned.entries()) {
        assert.ok(value !== undefined, `read ${index} found its row`);
        assert.ok(!JSON.stringify(value).includes("trail"), `read ${index}: ${JSON.stringify(value)}`);
      }
    });

    it("keeps every entry when another bot instance saves the same row, one after the other and at once", async () => {
      const here = test.storage.responses;
      const there = openStorage({ connectionString: testTablesConnectionString(), tablePrefix: test.tablePrefix });
      const save = (repository: typeof here, second: number, rating: 1 | 2 | 3 | 4) => {
        const answer = anAnswer({ rating, evidence: `Saved at ${second}`, updatedAt: secondAt(second) });
        return repository.saveAnswer(answer, audited(answer));
      };
      await save(here, 1, 1);
      await save(there.responses, 2, 2);
      await save(here, 3, 3); // its remembered row is stale: refused, read again, and the entry joins the new trail
      await Promise.all([save(here, 4, 4), save(there.responses, 5, 1)]);
      const entries = await test.storage.audit.list("assessment-1");
      assert.deepEqual(
        entries.map((entry) => entry.at),
        [1, 2, 3, 4, 5].map(secondAt),
      );
      // The trail is in the order of the writes: each entry's "before" is the "after" of the one before it.
      const trail = trailOf((await responseRows(test.clients.responses)).s[0]);
      assert.deepEqual(
        trail.map((entry) => entry.before),
        [undefined, ...trail.slice(0, -1).map((entry) => entry.after)],
      );
      const stored = await here.getAnswer("assessment-1", 7, "7a", sam.aadObjectId);
      assert.equal(trail.at(-1)?.after, String(stored?.rating), "the last entry is the stored answer's");
    });

    it(`moves a full trail of ${TRAIL_MAX} out to audit rows in the write that starts the next one`, async () => {
      const { responses, audit } = test.storage;
      const saves = TRAIL_MAX + 2;
      for (let second = 1; second <= saves; second++) {
        const answer = anAnswer({ evidence: `Version ${second}`, updatedAt: secondAt(second) });
        await responses.saveAnswer(answer, audited(answer));
      }
      const rows = await responseRows(test.clients.responses);
      assert.equal(rows.a.length, TRAIL_MAX, "the full trail moved out");
      assert.equal(trailOf(rows.s[0]).length, 2, "the new trail started with the write that moved it");
      const entries = await audit.list("assessment-1");
      assert.deepEqual(
        entries.map((entry) => entry.at),
        Array.from({ length: saves }, (_, index) => secondAt(index + 1)),
      );
      assert.equal((await responses.getAnswer("assessment-1", 7, "7a", sam.aadObjectId))?.evidence, `Version ${saves}`);
    });

    /** Sam answers 7a (1), changes it (2) and gives a global score (6): three entries in two trails. */
    async function samChangesAnAnswerAndScores(responses: typeof test.storage.responses): Promise<void> {
      for (const second of [1, 2]) {
        const answer = anAnswer({ rating: second === 1 ? 1 : 2, updatedAt: secondAt(second) });
        await responses.saveAnswer(answer, audited(answer));
      }
      const score = aGlobalScore({ updatedAt: secondAt(3) });
      await responses.saveGlobalScore(score, auditedScore(score));
    }

    it("forget: deleting a person's rows keeps their entries for the redaction that follows", async () => {
      const { responses, audit } = test.storage;
      await samChangesAnAnswerAndScores(responses);
      const theirs = anAnswer({ respondent: alex, updatedAt: secondAt(4) });
      await responses.saveAnswer(theirs, audited(theirs));
      assert.equal(await responses.deleteBy("assessment-1", [7], sam.aadObjectId), 2);
      const rows = await responseRows(test.clients.responses);
      assert.deepEqual(
        rows.s.map((row) => row["respondentAadObjectId"]),
        [alex.aadObjectId],
      );
      assert.equal(rows.g.length, 0);
      assert.equal(rows.a.length, 3, "the deleted rows' trails, moved out");
      const redacted = await audit.rewrite("assessment-1", (entry) =>
        entry.actorAadObjectId === sam.aadObjectId ? { ...entry, actorAadObjectId: "(removed)" } : undefined,
      );
      assert.equal(redacted, 3);
      assert.deepEqual(
        (await audit.list("assessment-1")).map((entry) => [entry.actorAadObjectId, entry.after]),
        [
          ["(removed)", "1"],
          ["(removed)", "2"],
          ["(removed)", "6"],
          [alex.aadObjectId, "3"],
        ],
      );
    });

    it("retention: deleting areas leaves their entries for audit.deleteWhere to delete and count, as before trails", async () => {
      const { responses, audit } = test.storage;
      await samChangesAnAnswerAndScores(responses);
      await audit.append({
        assessmentId: "assessment-1",
        at: secondAt(4),
        actorAadObjectId: "x",
        action: "kept",
        target: "t",
      });
      assert.deepEqual(await responses.deleteAreas("assessment-1", [7]), { answers: 1, globalScores: 1 });
      assert.equal(await audit.deleteWhere("assessment-1", (entry) => entry.action !== "kept"), 3);
      const rows = await responseRows(test.clients.responses);
      assert.deepEqual([rows.s.length, rows.g.length, rows.a.length], [0, 0, 0]);
      assert.deepEqual(
        (await audit.list("assessment-1")).map((entry) => entry.action),
        ["kept"],
      );
    });
  });
});
