import assert from "node:assert/strict";
import { DEFAULT_CONSENSUS_THRESHOLDS } from "../../assessment/consensus/consensusThresholds";
import { thresholdsInForce } from "../../assessment/groups/assessmentDetails";
import { ConcurrencyConflictError } from "../../storage/storageErrors";
import { anAssessment } from "../support/domainFactories";
import { openTestStorage, type TestStorage } from "../support/openTestStorage";

describe("AssessmentRepository", () => {
  let test: TestStorage;
  beforeEach(async () => (test = await openTestStorage()));

  it("round-trips details, including a Teams id as the assessment id", async () => {
    const details = anAssessment({
      id: "19:abc@thread.tacv2/x?#",
      deadline: "2026-06-30",
      rolesInvolved: "PAs, managers",
    });
    await test.storage.assessments.create(details);
    assert.deepEqual((await test.storage.assessments.get(details.id))?.value, details);
    assert.equal(await test.storage.assessments.get("missing"), undefined);
  });

  it("replaces with the version read, and rejects a stale version", async () => {
    const created = await test.storage.assessments.create(anAssessment());
    const replaced = await test.storage.assessments.replace(
      { ...created.value, localAuthority: "New name" },
      created.version,
    );
    assert.notEqual(replaced.version, created.version);
    await assert.rejects(
      test.storage.assessments.replace({ ...created.value, localAuthority: "Lost" }, created.version),
      ConcurrencyConflictError,
    );
    assert.equal((await test.storage.assessments.get(created.value.id))?.value.localAuthority, "New name");
  });

  it("getOrCreate reuses its read until this repository writes the assessment, then reads the change", async () => {
    const first = await test.storage.assessments.getOrCreate("reused", () => anAssessment({ id: "reused" }));
    const again = await test.storage.assessments.getOrCreate("reused", () => anAssessment({ id: "reused" }));
    assert.equal(again, first, "the same read, not a second one");
    await test.storage.assessments.updateWith("reused", (current) => current && { ...current, timeZone: "Asia/Tokyo" });
    const changed = await test.storage.assessments.getOrCreate("reused", () => anAssessment({ id: "reused" }));
    assert.equal(changed.value.timeZone, "Asia/Tokyo");
    await test.storage.assessments.replace({ ...changed.value, timeZone: "Europe/Paris" }, changed.version);
    const replaced = await test.storage.assessments.getOrCreate("reused", () => anAssessment({ id: "reused" }));
    assert.equal(replaced.value.timeZone, "Europe/Paris");
  });

  it("getOrCreate keeps exactly one of several concurrent initialisations", async () => {
    const results = await Promise.all(
      ["A", "B", "C", "D"].map((name) =>
        test.storage.assessments.getOrCreate("race", () => anAssessment({ id: "race", localAuthority: name })),
      ),
    );
    const stored = await test.storage.assessments.get("race");
    for (const result of results) assert.equal(result.value.localAuthority, stored?.value.localAuthority);
    assert.equal(
      (await test.storage.assessments.getOrCreate("race", () => assert.fail("must not init again"))).version,
      stored?.version,
    );
  });

  it("updateWith applies a change after re-reading", async () => {
    await test.storage.assessments.create(anAssessment({ id: "u" }));
    const outcome = await test.storage.assessments.updateWith(
      "u",
      (current) => current && { ...current, compiledAt: "2026-04-01T00:00:00.000Z" },
    );
    assert.equal(outcome.previous?.compiledAt, undefined);
    assert.equal((await test.storage.assessments.get("u"))?.value.compiledAt, "2026-04-01T00:00:00.000Z");
  });

  it("stores the consensus rule with the assessment, and reads a row written before it as having none", async () => {
    const rule = { ...DEFAULT_CONSENSUS_THRESHOLDS, modalShareMin: 0.8 };
    await test.storage.assessments.create(anAssessment({ id: "with-rule", consensusThresholds: rule }));
    assert.deepEqual((await test.storage.assessments.get("with-rule"))?.value.consensusThresholds, rule);
    const legacy = await test.storage.assessments.create(anAssessment({ id: "legacy" }));
    assert.equal(legacy.value.consensusThresholds, undefined);
    assert.deepEqual(
      thresholdsInForce((await test.storage.assessments.get("legacy"))?.value, DEFAULT_CONSENSUS_THRESHOLDS),
      DEFAULT_CONSENSUS_THRESHOLDS,
    );
  });
});
