import assert from "node:assert/strict";
import { ConcurrencyConflictError } from "../../storage/storageErrors";
import { aPerson, anAssignment } from "../support/domainFactories";
import { openTestStorage, type TestStorage } from "../support/openTestStorage";

function inChannel(areaNumber: number, channelId: string, assessmentId = "assessment-1") {
  const base = anAssignment();
  return anAssignment({ assessmentId, areaNumber, channel: { ...base.channel, channelId } });
}

describe("AssignmentRepository", () => {
  let test: TestStorage;
  beforeEach(async () => (test = await openTestStorage()));

  it("round-trips an assignment with its channel and leads", async () => {
    const assignment = anAssignment({
      leads: [aPerson(), aPerson({ aadObjectId: "aad-2", teamsUserId: "29:two", name: "Alex" })],
    });
    await test.storage.assignments.create(assignment);
    assert.deepEqual((await test.storage.assignments.get(assignment.assessmentId, 7))?.value, assignment);
    assert.equal(await test.storage.assignments.get(assignment.assessmentId, 8), undefined);
  });

  it("lists in area number order and only the assessment's own areas", async () => {
    await Promise.all([10, 2, 7].map((area) => test.storage.assignments.create(inChannel(area, "19:c@thread.tacv2"))));
    await test.storage.assignments.create(inChannel(1, "19:c@thread.tacv2", "other-assessment"));
    assert.deepEqual(
      (await test.storage.assignments.list("assessment-1")).map((a) => a.areaNumber),
      [2, 7, 10],
    );
  });

  it("lists a channel's areas without the other channels'", async () => {
    await test.storage.assignments.create(inChannel(3, "19:one@thread.tacv2"));
    await test.storage.assignments.create(inChannel(4, "19:two@thread.tacv2"));
    await test.storage.assignments.create(inChannel(5, "19:one@thread.tacv2"));
    await test.storage.assignments.create(inChannel(6, "19:one@thread.tacv2", "other-assessment"));
    const areas = await test.storage.assignments.listForChannel("assessment-1", "19:one@thread.tacv2");
    assert.deepEqual(
      areas.map((a) => a.areaNumber),
      [3, 5],
    );
  });

  it("refuses assigning an area twice, replaces with a version, updates by re-reading", async () => {
    const created = await test.storage.assignments.create(anAssignment());
    await assert.rejects(test.storage.assignments.create(anAssignment()), ConcurrencyConflictError);
    await test.storage.assignments.replace({ ...created.value, status: "closed" }, created.version);
    await assert.rejects(
      test.storage.assignments.replace({ ...created.value, status: "assigned" }, created.version),
      ConcurrencyConflictError,
    );
    const outcome = await test.storage.assignments.updateWith(
      "assessment-1",
      7,
      (current) => current && { ...current, status: "open" },
    );
    assert.equal(outcome.previous?.status, "closed");
    assert.equal((await test.storage.assignments.get("assessment-1", 7))?.value.status, "open");
  });
});
