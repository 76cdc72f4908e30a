import assert from "node:assert/strict";
import type { RatingValue } from "../../../assessment/framework/frameworkSchema";
import { DEFAULT_CONSENSUS_THRESHOLDS } from "../../../assessment/consensus/consensusThresholds";
import { analyseStatement } from "../../../assessment/consensus/statementConsensus";

function analyse(ratings: RatingValue[], members = 6, evidence = "Case file audit 2024") {
  return analyseStatement({ statementId: "1a", answers: ratings.map((rating) => ({ rating, evidence })), members });
}

function codes(ratings: RatingValue[], members = 6) {
  return analyse(ratings, members).flags.map((flag) => flag.code);
}

describe("analyseStatement", () => {
  it("with no answers reports nothing but the missing quorum", () => {
    const result = analyse([]);
    assert.equal(result.answered, 0);
    assert.deepEqual(result.distribution, { 1: 0, 2: 0, 3: 0, 4: 0 });
    assert.equal(result.median, null);
    assert.deepEqual(result.modalRatings, []);
    assert.equal(result.modalShare, 0);
    assert.equal(result.range, null);
    assert.equal(result.consensusRating, null);
    assert.deepEqual(result.flags, [{ code: "belowQuorum", message: "No one has answered yet (6 members, quorum 3)" }]);
    assert.equal(result.flagged, true);
  });

  it("with one answer takes it as the rating but flags the quorum", () => {
    const result = analyse([3]);
    assert.equal(result.consensusRating, 3);
    assert.equal(result.median, 3);
    assert.equal(result.modalShare, 1);
    assert.equal(result.range, 0);
    assert.deepEqual(result.flags, [{ code: "belowQuorum", message: "Only 1 of 6 members answered (quorum 3)" }]);
  });

  it("with all ratings equal is not flagged", () => {
    const result = analyse([2, 2, 2, 2]);
    assert.equal(result.consensusRating, 2);
    assert.deepEqual(result.modalRatings, [2]);
    assert.equal(result.modalShare, 1);
    assert.equal(result.flagged, false);
    assert.deepEqual(result.flags, []);
  });

  it("flags 3 vs 2 as both sides of the line, even though they are adjacent", () => {
    const result = analyse([3, 3, 3, 2, 2]);
    assert.equal(result.range, 1);
    assert.equal(result.consensusRating, 3);
    assert.deepEqual(
      result.flags.map((flag) => flag.code),
      ["bothSidesOfLine", "weakModalShare"],
    );
    assert.equal(result.flags[0]?.message, "Ratings fall on both sides of the agree/disagree line (3 agree, 2 disagree)");
    assert.equal(result.flags[1]?.message, "Only 60% chose the most common rating (70% needed)");
  });

  it("flags 4 vs 1 as both sides and a 3-point spread", () => {
    const result = analyse([4, 4, 1]);
    assert.equal(result.range, 3);
    assert.deepEqual(result.flags.map((flag) => flag.code), ["bothSidesOfLine", "wideSpread", "weakModalShare"]);
    assert.equal(result.flags[1]?.message, "Ratings span 3 points (1 to 4)");
  });

  it("flags a 2-point spread even with a strong mode (on a 4-point scale it always crosses the line)", () => {
    assert.deepEqual(codes([1, 1, 1, 1, 1, 1, 1, 1, 1, 3]), ["bothSidesOfLine", "wideSpread"]);
    assert.deepEqual(codes([3, 4, 4, 4]), []);
  });

  it("does not flag a modal share of exactly 70%", () => {
    const result = analyse([4, 4, 4, 4, 4, 4, 4, 3, 3, 3]);
    assert.equal(result.modalShare, 0.7);
    assert.deepEqual(result.flags, []);
  });

  it("flags a modal share just under 70%", () => {
    const result = analyse([4, 4, 3]);
    assert.deepEqual(result.flags, [{ code: "weakModalShare", message: "Only 66% chose the most common rating (70% needed)" }]);
  });

  it("ignores modal share below minAnswersForModalShare", () => {
    assert.deepEqual(codes([1, 2], 2), ["belowQuorum"]);
  });

  describe("consensus rating with tied modes", () => {
    it("is the median rounded down on an even split", () => {
      const result = analyse([2, 2, 3, 3]);
      assert.deepEqual(result.modalRatings, [2, 3]);
      assert.equal(result.median, 2.5);
      assert.equal(result.consensusRating, 2);
    });

    it("is the median rounded down across the whole scale", () => {
      const result = analyse([1, 1, 4, 4]);
      assert.equal(result.median, 2.5);
      assert.equal(result.consensusRating, 2);
    });

    it("is the median when it is a whole number", () => {
      const result = analyse([1, 3, 3, 4, 4]);
      assert.deepEqual(result.modalRatings, [3, 4]);
      assert.equal(result.median, 3);
      assert.equal(result.consensusRating, 3);
    });

    it("is the single mode when one mode leads, even if the median differs", () => {
      const result = analyse([1, 1, 1, 3, 4, 4]);
      assert.equal(result.median, 2);
      assert.equal(result.consensusRating, 1);
    });
  });

  describe("quorum", () => {
    it("flags fewer answers than the quorum", () => {
      assert.deepEqual(codes([2, 2]), ["belowQuorum"]);
    });

    it("passes at exactly the quorum", () => {
      assert.deepEqual(codes([2, 2, 2]), []);
    });

    it("uses the singular for a one-member group", () => {
      assert.equal(analyse([], 1).flags[0]?.message, "No one has answered yet (1 member, quorum 3)");
      assert.equal(analyse([4], 1).flags[0]?.message, "Only 1 of 1 member answered (quorum 3)");
    });
  });

  describe("agree without evidence", () => {
    it("counts Agree answers with empty or whitespace-only evidence", () => {
      const answers = [
        { rating: 4 as const, evidence: "" },
        { rating: 4 as const, evidence: "  \n\t " },
        { rating: 4 as const, evidence: "Pathway plan audit" },
      ];
      const result = analyseStatement({ statementId: "2b", answers, members: 3 });
      assert.deepEqual(result.flags, [
        { code: "agreeWithoutEvidence", message: "2 people rated Agree with no evidence — Agree needs strong evidence" },
      ]);
    });

    it("uses the singular for one person", () => {
      const answers = [4, 4, 4].map((rating, index) => ({ rating: rating as RatingValue, evidence: index === 0 ? " " : "Survey" }));
      const result = analyseStatement({ statementId: "2b", answers, members: 3 });
      assert.equal(result.flags[0]?.message, "1 person rated Agree with no evidence — Agree needs strong evidence");
    });

    it("does not apply to Mostly agree or lower", () => {
      const answers = [3, 3, 3].map((rating) => ({ rating: rating as RatingValue, evidence: "" }));
      assert.deepEqual(analyseStatement({ statementId: "2b", answers, members: 3 }).flags, []);
    });
  });

  describe("custom thresholds", () => {
    it("applies a stricter modal share from fewer answers", () => {
      const thresholds = { ...DEFAULT_CONSENSUS_THRESHOLDS, modalShareMin: 0.8, minAnswersForModalShare: 2 };
      const answers = [4, 4, 4, 3].map((rating) => ({ rating: rating as RatingValue, evidence: "x" }));
      const result = analyseStatement({ statementId: "3c", answers, members: 4 }, thresholds);
      assert.deepEqual(result.flags, [{ code: "weakModalShare", message: "Only 75% chose the most common rating (80% needed)" }]);
    });

    it("tolerates a wider spread and a smaller quorum", () => {
      const thresholds = { ...DEFAULT_CONSENSUS_THRESHOLDS, maxRange: 2, quorum: 1, modalShareMin: 0.5 };
      const answers = [1, 1, 2, 3].map((rating) => ({ rating: rating as RatingValue, evidence: "x" }));
      assert.deepEqual(
        analyseStatement({ statementId: "3c", answers, members: 9 }, thresholds).flags.map((flag) => flag.code),
        ["bothSidesOfLine"],
      );
    });

    it("flags any difference at all with maxRange 0", () => {
      const thresholds = { ...DEFAULT_CONSENSUS_THRESHOLDS, maxRange: 0, modalShareMin: 0 };
      const answers = [1, 1, 1, 2].map((rating) => ({ rating: rating as RatingValue, evidence: "x" }));
      assert.deepEqual(analyseStatement({ statementId: "3c", answers, members: 4 }, thresholds).flags, [
        { code: "wideSpread", message: "Ratings span 1 point (1 to 2)" },
      ]);
    });
  });
});
