import assert from "node:assert/strict";
import { DEFAULT_CONSENSUS_THRESHOLDS } from "../../../assessment/consensus/consensusThresholds";
import { consensusRuleLine, describeConsensusRule } from "../../../assessment/consensus/describeRule";

describe("describeConsensusRule", () => {
  it("explains the default rule: disagreement, near agreement, notes", () => {
    const text = describeConsensusRule(DEFAULT_CONSENSUS_THRESHOLDS).join("\n");
    assert.match(text, /both sides of the agree\/disagree line/);
    assert.match(text, /span 2 points or more/);
    assert.match(text, /once at least 5 members have answered, fewer than 75% chose the most common rating/);
    assert.match(text, /near agreement: not flagged, and the majority rating is proposed/);
    assert.match(text, /median rounded down/);
    assert.match(text, /fewer than 3 answers/);
    assert.match(text, /more than 3 points from what the statement ratings suggest/);
  });

  it("follows custom thresholds", () => {
    const text = describeConsensusRule({
      modalShareMin: 0.755,
      minAnswersForModalShare: 1,
      maxRange: 0,
      quorum: 1,
      globalScoreTolerance: 2,
      extraRounds: 2,
    }).join("\n");
    assert.match(text, /span 1 point or more/);
    assert.match(text, /once at least 1 member has answered, fewer than 76%/);
    assert.match(text, /fewer than 1 answer on/);
    assert.match(text, /more than 2 points/);
    assert.match(text, /send a flagged statement back to the group up to 2 times/);
  });

  it("names the rule in force in one line for the digest and the documents", () => {
    assert.equal(
      consensusRuleLine(DEFAULT_CONSENSUS_THRESHOLDS),
      "Disagreement = ratings on both sides of the agree/disagree line, a spread of 2 points or more, or from 5 answers under 75% on the most common rating; quorum 3; up to 1 extra round for flagged statements.",
    );
  });

  it("leaves out tests that can never fire", () => {
    const text = describeConsensusRule({ ...DEFAULT_CONSENSUS_THRESHOLDS, maxRange: 3, modalShareMin: 0 }).join("\n");
    assert.doesNotMatch(text, /span \d+ points? or more/);
    assert.doesNotMatch(text, /chose the most common rating/);
  });

  it("returns one plain string per bullet", () => {
    const bullets = describeConsensusRule(DEFAULT_CONSENSUS_THRESHOLDS);
    assert.ok(bullets.length >= 4);
    for (const bullet of bullets) assert.ok(!bullet.includes("\n") && bullet.length > 0);
  });
});
