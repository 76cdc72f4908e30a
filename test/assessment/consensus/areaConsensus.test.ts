import assert from "node:assert/strict";
import type { Answer } from "../../../assessment/answers/answer";
import type { RatingValue } from "../../../assessment/framework/frameworkSchema";
import { analyseArea } from "../../../assessment/consensus/areaConsensus";
import { DEFAULT_CONSENSUS_THRESHOLDS } from "../../../assessment/consensus/consensusThresholds";
import { expectedGlobalScore } from "../../../assessment/consensus/globalScoreConsensus";

function answer(statementId: string, member: number, rating: RatingValue): Answer {
  return {
    assessmentId: "a1",
    areaNumber: Number.parseInt(statementId, 10),
    statementId,
    respondent: { aadObjectId: `aad-${member}`, teamsUserId: `29:${member}`, name: `Member ${member}` },
    rating,
    evidence: "Audit of pathway plans",
    ideas: "",
    updatedAt: "2025-01-01T00:00:00.000Z",
  };
}

/** Every member gives each statement the rating listed for it. */
function unanimous(ratings: Record<string, RatingValue>, members: number): Answer[] {
  return Object.entries(ratings).flatMap(([statementId, rating]) =>
    Array.from({ length: members }, (_, member) => answer(statementId, member, rating)),
  );
}

const scores = (...values: number[]) => values.map((score) => ({ score }));

function area(answers: Answer[], globalScores: { score: number }[], members = 3) {
  return analyseArea({
    areaNumber: 1,
    statementIds: ["1a", "1b", "1c", "1d", "1e"],
    answers,
    globalScores,
    members,
    globalScoreMax: 10,
  });
}

describe("analyseArea", () => {
  it("keeps statements in the framework's order and counts flagged ones", () => {
    const answers = [
      answer("1c", 1, 4),
      answer("1a", 1, 2),
      answer("1a", 2, 2),
      answer("1a", 3, 2),
      answer("1b", 1, 4),
      answer("1b", 2, 1),
    ];
    const result = area(answers, []);
    assert.deepEqual(
      result.statements.map((s) => s.statementId),
      ["1a", "1b", "1c", "1d", "1e"],
    );
    assert.equal(result.statements[0]?.consensusRating, 2);
    assert.equal(result.statements[2]?.answered, 1);
    // Only 1b disagrees: one answer (1c) and none (1d, 1e) are notes, not disagreements.
    assert.equal(result.flaggedCount, 1);
  });

  it("ignores answers to statements outside the area", () => {
    const result = area([answer("2a", 1, 1)], []);
    assert.equal(
      result.statements.reduce((sum, s) => sum + s.answered, 0),
      0,
    );
  });

  describe("answeredPercent", () => {
    it("is the share of member × statement cells answered, rounded down", () => {
      const answers = [answer("1a", 1, 2), answer("1a", 2, 2), answer("1b", 1, 3), answer("1c", 1, 3)];
      assert.equal(area(answers, [], 3).answeredPercent, 26); // 4 of 15 = 26.7%
    });

    it("is 100 only when every cell is answered", () => {
      assert.equal(area(unanimous({ "1a": 2, "1b": 2, "1c": 2, "1d": 2, "1e": 2 }, 3), [], 3).answeredPercent, 100);
      const allButOne = unanimous({ "1a": 2, "1b": 2, "1c": 2, "1d": 2, "1e": 2 }, 40).slice(1);
      assert.equal(area(allButOne, [], 40).answeredPercent, 99);
    });

    it("is 0 with no members or no statements, and never above 100", () => {
      assert.equal(area([], [], 0).answeredPercent, 0);
      const none = analyseArea({
        areaNumber: 1,
        statementIds: [],
        answers: [],
        globalScores: [],
        members: 3,
        globalScoreMax: 10,
      });
      assert.equal(none.answeredPercent, 0);
      assert.equal(area(unanimous({ "1a": 2, "1b": 2, "1c": 2, "1d": 2, "1e": 2 }, 4), [], 3).answeredPercent, 100);
    });
  });

  describe("global score", () => {
    const mostlyDisagree = unanimous({ "1a": 1, "1b": 2, "1c": 2, "1d": 1, "1e": 3 }, 3);
    const mixed = unanimous({ "1a": 1, "1b": 2, "1c": 3, "1d": 4, "1e": 2 }, 3);

    it("summarises the scores with a distribution indexed by score", () => {
      const result = area(mixed, scores(5, 6, 4, 5));
      assert.equal(result.globalScore.answered, 4);
      assert.equal(result.globalScore.median, 5);
      assert.deepEqual(result.globalScore.distribution, [0, 0, 0, 0, 1, 2, 1, 0, 0, 0, 0]);
      assert.deepEqual(result.globalScore.flags, []);
    });

    it("flags 9/10 when the statements are rated mostly Disagree or Mostly disagree", () => {
      const result = area(mostlyDisagree, scores(9, 9, 8));
      assert.deepEqual(result.globalScore.flags, [
        {
          code: "globalScoreAtOdds",
          message:
            "Global score 9/10 while most statements are rated Disagree or Mostly disagree (ratings suggest about 3/10)",
        },
      ]);
    });

    it("does not flag 5/10 when the statements are mixed", () => {
      assert.deepEqual(area(mixed, scores(5, 5, 4)).globalScore.flags, []);
    });

    it("flags a low score against mostly Agree ratings", () => {
      const result = area(unanimous({ "1a": 4, "1b": 4, "1c": 3, "1d": 4, "1e": 4 }, 3), scores(2, 3, 2));
      assert.equal(
        result.globalScore.flags[0]?.message,
        "Global score 2/10 while most statements are rated Agree or Mostly agree (ratings suggest about 9/10)",
      );
    });

    it("allows exactly the tolerance either side of what the ratings suggest", () => {
      // Ratings all 2 suggest 10/3 ≈ 3.33; 6 is 2.67 away, 7 is 3.67 away.
      const twos = unanimous({ "1a": 2, "1b": 2, "1c": 2, "1d": 2, "1e": 2 }, 3);
      assert.deepEqual(area(twos, scores(6)).globalScore.flags, []);
      assert.deepEqual(
        area(twos, scores(7)).globalScore.flags.map((f) => f.code),
        ["globalScoreAtOdds"],
      );
    });

    it("flags global scores spread over more than the tolerance", () => {
      const result = area(mixed, scores(3, 5, 7));
      assert.deepEqual(result.globalScore.flags, [
        { code: "globalSpread", message: "Global scores span 4 points (3/10 to 7/10)" },
      ]);
      assert.deepEqual(area(mixed, scores(3, 5, 6)).globalScore.flags, []);
    });

    it("does not judge the score before any statement has a rating, or with no scores", () => {
      assert.deepEqual(area([], scores(10)).globalScore.flags, []);
      const result = area(mostlyDisagree, []);
      assert.equal(result.globalScore.median, null);
      assert.deepEqual(result.globalScore.flags, []);
    });

    it("leaves out scores outside the framework's scale", () => {
      const result = area(mixed, scores(5, 11, 40));
      assert.equal(result.globalScore.answered, 1);
      assert.equal(result.globalScore.distribution.length, 11);
    });

    it("uses custom tolerance", () => {
      const thresholds = { ...DEFAULT_CONSENSUS_THRESHOLDS, globalScoreTolerance: 1 };
      const input = {
        areaNumber: 1,
        statementIds: ["1a", "1b", "1c", "1d", "1e"],
        answers: mixed,
        members: 3,
        globalScoreMax: 10,
      };
      const result = analyseArea({ ...input, globalScores: scores(7, 7, 5) }, thresholds);
      assert.deepEqual(
        result.globalScore.flags.map((f) => f.code),
        ["globalScoreAtOdds", "globalSpread"],
      );
    });
  });

  describe("expectedGlobalScore", () => {
    it("maps the mean rating 1..4 linearly onto 0..max", () => {
      assert.equal(expectedGlobalScore([1, 1], 10), 0);
      assert.equal(expectedGlobalScore([4, 4, null], 10), 10);
      assert.equal(expectedGlobalScore([1, 4], 10), 5);
      assert.equal(expectedGlobalScore([null], 10), null);
    });
  });
});
