import assert from "node:assert/strict";
import { DEFAULT_CONSENSUS_THRESHOLDS } from "../../../assessment/consensus/consensusThresholds";
import { consensusRuleLine } from "../../../assessment/consensus/consensusRuleLine";

describe("consensusRuleLine", () => {
  it("names the rule in force in one line for the digest and the documents", () => {
    assert.equal(
      consensusRuleLine(DEFAULT_CONSENSUS_THRESHOLDS),
      "Disagreement = ratings on both sides of the agree/disagree line, a spread of 2 points or more, or from 5 answers under 75% on the most common rating; quorum 3; up to 1 extra round for flagged statements.",
    );
  });

  it("leaves out tests that can never fire", () => {
    assert.equal(
      consensusRuleLine({ ...DEFAULT_CONSENSUS_THRESHOLDS, maxRange: 3, modalShareMin: 0, extraRounds: 0 }),
      "Disagreement = ratings on both sides of the agree/disagree line; quorum 3; no second round.",
    );
  });
});
