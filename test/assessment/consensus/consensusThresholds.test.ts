import assert from "node:assert/strict";
import {
  consensusThresholdsSchema,
  DEFAULT_CONSENSUS_THRESHOLDS,
} from "../../../assessment/consensus/consensusThresholds";

describe("consensusThresholdsSchema", () => {
  it("fills every missing field with the defaults", () => {
    assert.deepEqual(consensusThresholdsSchema.parse({}), DEFAULT_CONSENSUS_THRESHOLDS);
  });

  it("has the documented defaults", () => {
    assert.deepEqual(DEFAULT_CONSENSUS_THRESHOLDS, {
      modalShareMin: 0.75,
      minAnswersForModalShare: 5,
      maxRange: 1,
      quorum: 3,
      globalScoreTolerance: 3,
      extraRounds: 1,
    });
  });

  it("keeps the fields given", () => {
    assert.deepEqual(consensusThresholdsSchema.parse({ modalShareMin: 0.8, quorum: 4 }), {
      ...DEFAULT_CONSENSUS_THRESHOLDS,
      modalShareMin: 0.8,
      quorum: 4,
    });
  });

  it("rejects out-of-range values and unknown keys", () => {
    assert.equal(consensusThresholdsSchema.safeParse({ modalShareMin: 70 }).success, false);
    assert.equal(consensusThresholdsSchema.safeParse({ maxRange: 4 }).success, false);
    assert.equal(consensusThresholdsSchema.safeParse({ quorum: 2.5 }).success, false);
    assert.equal(consensusThresholdsSchema.safeParse({ minAnswersForModalShare: 0 }).success, false);
    assert.equal(consensusThresholdsSchema.safeParse({ globalScoreTolerance: -1 }).success, false);
    assert.equal(consensusThresholdsSchema.safeParse({ modalShareMinimum: 0.8 }).success, false);
  });
});
