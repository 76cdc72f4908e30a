import assert from "node:assert/strict";
import { appendFile, cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedAzurite, type EmbeddedAzurite } from "../../storage/embeddedAzurite";
import { openStorage } from "../../storage/openStorage";
import { JOURNAL_FILE } from "../../storage/writeJournal";
import { anAnswer, anAssessment } from "../support/domainFactories";
import { defined } from "../support/defined";
import { audited, secondAt } from "../support/auditedSaves";
import { TRAIL_MAX } from "../../storage/mappings/responseMappings";

/**
 * A crash is modelled by copying the data folder while the bot runs: the copy holds what a kill -9
 * would leave on disk (Azurite's file as last saved, plus the journal), and a second Azurite starts on it.
 */
describe("the embedded default's write-ahead journal", function () {
  // Each case starts Azurite two or three times: seconds each, more on a busy machine.
  this.timeout(120_000);
  const folders: string[] = [];
  const running: EmbeddedAzurite[] = [];
  const folder = async () => {
    const path = await mkdtemp(join(tmpdir(), "journal-"));
    folders.push(path);
    return path;
  };
  const start = async (location: string) => {
    const azurite = await startEmbeddedAzurite({ location, port: 0 });
    running.push(azurite);
    const storage = openStorage({
      connectionString: azurite.connectionString,
      tablePrefix: "wal",
      recorder: azurite.recorder,
    });
    await storage.ensureTables();
    return { azurite, storage };
  };
  const crashCopyOf = async (location: string) => {
    const copy = await folder();
    await cp(location, copy, { recursive: true });
    return copy;
  };
  afterEach(async () => {
    for (const azurite of running.splice(0)) await azurite.stop();
    for (const path of folders.splice(0)) await rm(path, { recursive: true, force: true });
  });

  it("keeps every acknowledged write, change and delete when the process dies before Azurite saved", async () => {
    const location = await folder();
    const { storage } = await start(location);
    await storage.assessments.create(anAssessment({ id: "kept" }));
    const answers = Array.from({ length: 40 }, (_, index) =>
      anAnswer({ assessmentId: "kept", respondent: { ...anAnswer().respondent, aadObjectId: `member-${index}` } }),
    );
    await Promise.all(answers.map((answer) => storage.responses.saveAnswer(answer)));
    await storage.responses.saveAnswer({ ...defined(answers[0]), rating: 1, updatedAt: "2026-12-01T10:00:00.000Z" });
    await storage.responses.deleteBy("kept", [7], "member-1");

    const after = (await start(await crashCopyOf(location))).storage;
    assert.equal((await after.assessments.get("kept"))?.value.id, "kept");
    const stored = await after.responses.listStatementAnswers("kept", 7, "7a");
    assert.equal(stored.length, 39);
    assert.equal(
      stored.find((answer) => answer.respondent.aadObjectId === "member-1"),
      undefined,
    );
    assert.equal(stored.find((answer) => answer.respondent.aadObjectId === "member-0")?.rating, 1);
  });

  it("journals an answer with its audit trail as one line, and a full trail moving out with its row as one line", async () => {
    const location = await folder();
    const { storage } = await start(location);
    const saves = TRAIL_MAX + 1;
    for (let second = 1; second <= saves; second++) {
      const answer = anAnswer({ assessmentId: "pair", evidence: `Version ${second}`, updatedAt: secondAt(second) });
      await storage.responses.saveAnswer(answer, audited(answer));
    }
    const lines = (await readFile(join(location, JOURNAL_FILE), "utf8")).trim().split("\n");
    assert.equal(lines.length, saves, "one line per save");
    assert.equal((JSON.parse(defined(lines[0])) as unknown[]).length, 1, "the answer row, its trail inside");
    assert.equal((JSON.parse(defined(lines.at(-1))) as unknown[]).length, 1 + TRAIL_MAX, "the row and the moved trail");

    const after = (await start(await crashCopyOf(location))).storage;
    const stored = await after.responses.getAnswer("pair", 7, "7a", anAnswer().respondent.aadObjectId);
    assert.equal(stored?.evidence, `Version ${saves}`);
    assert.deepEqual(
      (await after.audit.list("pair")).map((entry) => entry.at),
      Array.from({ length: saves }, (_, index) => secondAt(index + 1)),
    );
  });

  it("drops a last line cut short by a crash (never acknowledged) and refuses a damaged one in the middle", async () => {
    const location = await folder();
    const { storage } = await start(location);
    await storage.assessments.create(anAssessment({ id: "whole" }));
    const torn = await crashCopyOf(location);
    await appendFile(join(torn, JOURNAL_FILE), '[{"table":"walAssessments","op":"put","entity":{"partitionKey":"cut');
    assert.equal((await (await start(torn)).storage.assessments.get("whole"))?.value.id, "whole");

    const damaged = await crashCopyOf(location);
    await appendFile(join(damaged, JOURNAL_FILE), "not json\n[]\n");
    await assert.rejects(startEmbeddedAzurite({ location: damaged, port: 0 }), /line 2 is unreadable/);
  });

  it("empties the journal at a checkpoint and at a clean stop, keeping the data", async () => {
    const location = await folder();
    const { azurite, storage } = await start(location);
    await storage.assessments.create(anAssessment({ id: "saved" }));
    assert.ok((await readFile(join(location, JOURNAL_FILE), "utf8")).length > 0);
    await azurite.stop();
    running.splice(running.indexOf(azurite), 1);
    assert.equal(await readFile(join(location, JOURNAL_FILE), "utf8"), "");
    assert.equal((await (await start(location)).storage.assessments.get("saved"))?.value.id, "saved");
  });
});
