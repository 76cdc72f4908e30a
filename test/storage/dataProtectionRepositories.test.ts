import assert from "node:assert/strict";
import {
  aDecision,
  aGlobalDecision,
  aGlobalScore,
  aPerson,
  anAnswer,
  anAuditEntry,
  aConversationReference,
} from "../support/domainFactories";
import { openTestStorage, type TestStorage } from "../support/openTestStorage";
import { firstEntity } from "../support/firstEntity";

const alex = aPerson({ aadObjectId: "aad-alex", teamsUserId: "29:alex", name: "Alex" });

/** The repository methods forget and retention use, against Azurite: each leaves everything else alone. */
describe("repositories: data-protection methods", () => {
  let test: TestStorage;
  beforeEach(async () => (test = await openTestStorage()));

  it("responses.deleteAreas deletes one assessment's answers and scores in the given areas only", async () => {
    const { responses } = test.storage;
    await responses.saveAnswer(anAnswer({ areaNumber: 7, statementId: "7a" }));
    await responses.saveAnswer(anAnswer({ areaNumber: 7, statementId: "7a", respondent: alex }));
    await responses.saveAnswer(anAnswer({ areaNumber: 8, statementId: "8a" }));
    await responses.saveAnswer(anAnswer({ assessmentId: "other", areaNumber: 7, statementId: "7a" }));
    await responses.saveGlobalScore(aGlobalScore({ areaNumber: 7 }));
    assert.deepEqual(await responses.deleteAreas("assessment-1", [7]), { answers: 2, globalScores: 1 });
    assert.deepEqual(await responses.deleteAreas("assessment-1", [7]), { answers: 0, globalScores: 0 });
    assert.equal((await responses.listAreaAnswers("assessment-1", 8)).length, 1);
    assert.equal((await responses.listAreaAnswers("other", 7)).length, 1);
  });

  it("moderation.rewriteAll changes only what the rewrite returns and counts it", async () => {
    const { moderation } = test.storage;
    await moderation.saveDecision(aDecision({ statementId: "7a" }), () => anAuditEntry());
    await moderation.saveDecision(aDecision({ statementId: "7b", decidedBy: alex }), () => anAuditEntry());
    await moderation.saveGlobalDecision(aGlobalDecision({ decidedBy: alex }), () => anAuditEntry());
    const changed = await moderation.rewriteAll("assessment-1", {
      decision: (decision) =>
        decision.decidedBy.aadObjectId === alex.aadObjectId ? { ...decision, rationale: "" } : undefined,
      globalDecision: (decision) => ({ ...decision, agreedScore: 4 }),
    });
    assert.equal(changed, 2);
    assert.equal((await moderation.getDecision("assessment-1", "7a"))?.rationale, aDecision().rationale);
    assert.equal((await moderation.getDecision("assessment-1", "7b"))?.rationale, "");
    assert.equal((await moderation.getGlobalDecision("assessment-1", 7))?.agreedScore, 4);
  });

  it("audit.rewrite keeps each entry's time and order; deleteWhere deletes only what it picks", async () => {
    const { audit } = test.storage;
    await audit.append(anAuditEntry({ at: "2026-03-02T10:00:00.000Z", actorAadObjectId: alex.aadObjectId }));
    await audit.append(anAuditEntry({ at: "2026-03-02T11:00:00.000Z", action: "compile" }));
    await audit.append(
      anAuditEntry({ at: "2026-03-02T12:00:00.000Z", actorAadObjectId: alex.aadObjectId, action: "decisionRecorded" }),
    );
    const rewritten = await audit.rewrite("assessment-1", (entry) =>
      entry.actorAadObjectId === alex.aadObjectId ? { ...entry, actorAadObjectId: "removed" } : undefined,
    );
    assert.equal(rewritten, 2);
    const entries = await audit.list("assessment-1");
    assert.deepEqual(
      entries.map((entry) => [entry.at, entry.actorAadObjectId, entry.action]),
      [
        ["2026-03-02T10:00:00.000Z", "removed", "assign"],
        ["2026-03-02T11:00:00.000Z", "coordinator-aad", "compile"],
        ["2026-03-02T12:00:00.000Z", "removed", "decisionRecorded"],
      ],
    );
    assert.equal(await audit.deleteWhere("assessment-1", (entry) => entry.action !== "compile"), 2);
    assert.deepEqual(
      (await audit.list("assessment-1")).map((entry) => entry.action),
      ["compile"],
    );
  });

  it("conversations.deleteUser drops one user's reference and says whether there was one", async () => {
    const { conversations } = test.storage;
    await conversations.saveUser(alex.aadObjectId, aConversationReference());
    await conversations.saveUser("aad-sam", aConversationReference());
    assert.equal(await conversations.deleteUser(alex.aadObjectId), true);
    assert.equal(await conversations.deleteUser(alex.aadObjectId), false);
    assert.equal(await conversations.getUser(alex.aadObjectId), undefined);
    assert.ok(await conversations.getUser("aad-sam"));
  });

  it("compiledFiles.delete removes a chunked file entirely and leaves other files alone", async () => {
    const { compiledFiles } = test.storage;
    const big = {
      fileId: "export-a",
      fileName: "a.json",
      contentType: "application/json",
      bytes: Buffer.alloc(70_000, 7),
    };
    await compiledFiles.save(big, "2026-03-02T10:00:00.000Z");
    await compiledFiles.save({ ...big, fileId: "export-b" }, "2026-03-02T10:00:00.000Z");
    assert.equal(await compiledFiles.delete("export-a"), true);
    assert.equal(await compiledFiles.get("export-a"), undefined);
    assert.equal(await compiledFiles.delete("export-a"), false);
    assert.equal(await compiledFiles.delete("not/a/file id"), false);
    assert.equal((await compiledFiles.get("export-b"))?.bytes.length, 70_000);
    const row = await firstEntity(test.clients.compiledFiles);
    assert.equal(row?.partitionKey, "export-b", "no chunk of the deleted file is left");
  });
});
