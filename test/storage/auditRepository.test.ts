import assert from "node:assert/strict";
import { aGlobalScore, aPerson, anAnswer, anAuditEntry } from "../support/domainFactories";
import { openTestStorage, type TestStorage } from "../support/openTestStorage";
import { audited, auditedScore, responseRows, secondAt, trailOf } from "../support/auditedSaves";
import { TRAIL_MAX } from "../../storage/mappings/responseMappings";

const alex = aPerson({ aadObjectId: "aad-alex", teamsUserId: "29:alex", name: "Alex" });

describe("AuditRepository", () => {
  let test: TestStorage;
  beforeEach(async () => (test = await openTestStorage()));

  it("appends entries and lists them oldest first, even entries in the same millisecond", async () => {
    const later = anAuditEntry({ at: "2026-03-02T11:00:00.000Z", action: "close", before: "open", after: "closed" });
    const earlier = anAuditEntry({ at: "2026-03-02T09:00:00Z", action: "assign" });
    const same = Array.from({ length: 5 }, (_, index) =>
      anAuditEntry({ at: "2026-03-02T10:00:00.000Z", action: `answer ${index}` }),
    );
    await Promise.all([later, earlier, ...same].map((entry) => test.storage.audit.append(entry)));
    const listed = await test.storage.audit.list("assessment-1");
    assert.equal(listed.length, 7);
    assert.deepEqual(listed[0], earlier);
    assert.deepEqual(listed[6], later);
    assert.deepEqual(
      listed
        .slice(1, 6)
        .map((entry) => entry.action)
        .sort(),
      same.map((entry) => entry.action),
    );
    assert.deepEqual(await test.storage.audit.list("other"), []);
  });

  describe("answers' entries in their rows' trails", () => {
    /** Sam's answer changed `changes` times from second 1, Alex's at second 2, a score at 3 and a general entry at 4. */
    async function seed(changes: number): Promise<void> {
      const { responses, audit } = test.storage;
      for (let index = 0; index < changes; index++) {
        const answer = anAnswer({ evidence: `Version ${index}`, updatedAt: secondAt(index === 0 ? 1 : 10 + index) });
        await responses.saveAnswer(answer, audited(answer));
      }
      const theirs = anAnswer({ respondent: alex, rating: 2, updatedAt: secondAt(2) });
      await responses.saveAnswer(theirs, audited(theirs));
      const score = aGlobalScore({ respondent: alex, updatedAt: secondAt(3) });
      await responses.saveGlobalScore(score, auditedScore(score));
      await audit.append(anAuditEntry({ at: secondAt(4) }));
    }

    it("lists trails, moved-out entries and the other entries together, in time order", async () => {
      await seed(TRAIL_MAX + 1);
      assert.equal((await responseRows(test.clients.responses)).a.length, TRAIL_MAX, "Sam's first trail moved out");
      const listed = await test.storage.audit.list("assessment-1");
      assert.deepEqual(
        listed.map((entry) => entry.at),
        [1, 2, 3, 4, ...Array.from({ length: TRAIL_MAX }, (_, index) => 11 + index)].map(secondAt),
      );
      assert.deepEqual(
        listed.slice(1, 4).map((entry) => [entry.action, entry.actorAadObjectId]),
        [
          ["answerCreated", alex.aadObjectId],
          ["globalScoreCreated", alex.aadObjectId],
          ["assign", "coordinator-aad"],
        ],
      );
    });

    it("rewrites entries inside a trail with nothing else in the row changed, and a later save keeps the rewrite", async () => {
      await seed(3);
      const { responses, audit } = test.storage;
      const answerBefore = await responses.getAnswer("assessment-1", 7, "7a", alex.aadObjectId);
      const rewritten = await audit.rewrite("assessment-1", (entry) =>
        entry.actorAadObjectId === alex.aadObjectId ? { ...entry, actorAadObjectId: "(removed)" } : undefined,
      );
      assert.equal(rewritten, 2, "Alex's answer entry and score entry");
      assert.deepEqual(await responses.getAnswer("assessment-1", 7, "7a", alex.aadObjectId), answerBefore);
      // This instance remembers the rows as it wrote them: its next save must not put the old trail back.
      const later = anAnswer({ respondent: alex, rating: 4, updatedAt: secondAt(50) });
      await responses.saveAnswer(later, audited(later));
      const actors = (await audit.list("assessment-1")).map((entry) => entry.actorAadObjectId);
      assert.deepEqual(
        actors.filter((actor) => actor !== "coordinator-aad" && actor !== aPerson().aadObjectId),
        ["(removed)", "(removed)", alex.aadObjectId],
      );
    });

    it("deletes the entries it picks out of a trail, keeping the rest and the answer", async () => {
      await seed(3);
      const { responses, audit } = test.storage;
      const deleted = await audit.deleteWhere("assessment-1", (entry) => entry.action === "answerChanged");
      assert.equal(deleted, 2);
      const rows = await responseRows(test.clients.responses);
      const sams = rows.s.find((row) => row["respondentAadObjectId"] === aPerson().aadObjectId);
      assert.deepEqual(
        trailOf(sams).map((entry) => entry.after),
        ["3"],
      );
      assert.equal((await responses.getAnswer("assessment-1", 7, "7a", aPerson().aadObjectId))?.evidence, "Version 2");
      assert.deepEqual(
        (await audit.list("assessment-1")).map((entry) => entry.action),
        ["answerCreated", "answerCreated", "globalScoreCreated", "assign"],
      );
    });
  });
});
