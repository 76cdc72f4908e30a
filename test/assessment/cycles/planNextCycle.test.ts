import assert from "node:assert/strict";
import { planNextCycle } from "../../../assessment/cycles/planNextCycle";
import { DEFAULT_CONSENSUS_THRESHOLDS } from "../../../assessment/consensus/consensusThresholds";
import { anAssessment, anAssignment, aPerson } from "../../support/domainFactories";

describe("planNextCycle", () => {
  const current = anAssessment({
    id: "t.1",
    localAuthority: "Dorset",
    timeZone: "Europe/London",
    deadline: "2026-03-01",
    youngPeople: { scores: { "1": 5 }, source: "Forum", recordedAt: "2026-02-01T00:00:00Z" },
  });
  const lead = aPerson({ name: "Lee" });
  const kept = anAssignment({ assessmentId: "t.1", areaNumber: 7, leads: [lead], status: "closed" });
  const lost = anAssignment({
    assessmentId: "t.1",
    areaNumber: 3,
    channel: { ...kept.channel, channelId: "19:gone", lostAt: "2026-01-01T00:00:00Z" },
  });
  const plan = planNextCycle(current, [lost, kept], {
    nextAssessmentId: "t.2",
    now: "2027-01-04T09:00:00Z",
    thresholds: DEFAULT_CONSENSUS_THRESHOLDS,
    confirmedBy: "coordinator-id",
  });

  it("carries the groups whose channel still works, as assigned (not started) in the new assessment", () => {
    assert.deepEqual(
      plan.carried.map((area) => [area.assessmentId, area.areaNumber, area.channel.channelId, area.leads, area.status]),
      [["t.2", 7, kept.channel.channelId, [lead], "assigned"]],
    );
    assert.deepEqual(
      plan.leftBehind.map((area) => area.areaNumber),
      [3],
    );
  });

  it("starts the next cycle for the same authority, linked back, without the old one's dates and scores", () => {
    assert.equal(plan.details.cycle, 2);
    assert.equal(plan.details.previousAssessmentId, "t.1");
    assert.equal(plan.details.localAuthority, "Dorset");
    assert.equal(plan.details.timeZone, "Europe/London");
    assert.equal(plan.details.deadline, undefined);
    assert.equal(plan.details.youngPeople, undefined);
    assert.equal(plan.details.result, undefined);
  });
});
