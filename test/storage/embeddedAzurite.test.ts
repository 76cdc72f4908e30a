import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedAzurite } from "../../storage/embeddedAzurite";
import { openStorage } from "../../storage/openStorage";
import { anAssessment, anAssignment } from "../support/domainFactories";
import { openTestStorage } from "../support/openTestStorage";

describe("startEmbeddedAzurite", () => {
  let location: string;
  beforeEach(async () => (location = await mkdtemp(join(tmpdir(), "azurite-"))));
  afterEach(() => rm(location, { recursive: true, force: true }));

  it("keeps data in its location across stop and start", async () => {
    const first = await startEmbeddedAzurite({ location, port: 0 });
    assert.ok(first.port > 0);
    assert.match(first.connectionString, new RegExp(`TableEndpoint=http://127.0.0.1:${first.port}/devstoreaccount1`));
    const before = openStorage({ connectionString: first.connectionString, tablePrefix: "persist" });
    await before.ensureTables();
    await before.assessments.create(anAssessment({ id: "kept" }));
    await first.stop();

    const second = await startEmbeddedAzurite({ location, port: 0 });
    try {
      const after = openStorage({ connectionString: second.connectionString, tablePrefix: "persist" });
      assert.equal((await after.assessments.get("kept"))?.value.id, "kept");
    } finally {
      await second.stop();
    }
  });

  it("still filters queries when restify (which patches Node's request prototype) is loaded", async () => {
    await import("restify");
    const { storage } = await openTestStorage();
    await storage.assignments.create(anAssignment({ assessmentId: "mine" }));
    await storage.assignments.create(anAssignment({ assessmentId: "theirs" }));
    assert.deepEqual(
      (await storage.assignments.list("mine")).map((assignment) => assignment.assessmentId),
      ["mine"],
    );
  });

  it("reports a port that is taken", async () => {
    const first = await startEmbeddedAzurite({ inMemory: true, port: 0 });
    try {
      await assert.rejects(startEmbeddedAzurite({ inMemory: true, port: first.port }), /did not start.*EADDRINUSE/);
    } finally {
      await first.stop();
    }
  });

  it("needs exactly one of location and inMemory", async () => {
    await assert.rejects(startEmbeddedAzurite({ port: 0 }), /exactly one/);
    await assert.rejects(startEmbeddedAzurite({ location, inMemory: true, port: 0 }), /exactly one/);
  });
});
