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
  it("with no answers notes the missing quorum and is not a disagreement", () => {
    const result = analyse([]);
    assert.equal(result.answered, 0);
    assert.deepEqual(result.distribution, { 1: 0, 2: 0, 3: 0, 4: 0 });
    assert.equal(result.median, null);
    assert.deepEqual(result.modalRatings, []);
    assert.equal(result.modalShare, 0);
    assert.equal(result.range, null);
    assert.equal(result.consensusRating, null);
    assert.deepEqual(result.notes, [{ code: "belowQuorum", message: "No one has answered yet (6 members, quorum 3)" }]);
    assert.deepEqual(result.flags, []);
    assert.equal(result.tier, "unanswered");
    assert.equal(result.flagged, false);
  });

  it("with one answer takes it as the rating and notes the quorum", () => {
    const result = analyse([3]);
    assert.equal(result.consensusRating, 3);
    assert.equal(result.median, 3);
    assert.equal(result.modalShare, 1);
    assert.equal(result.range, 0);
    assert.deepEqual(result.notes, [{ code: "belowQuorum", message: "Only 1 of 6 members answered (quorum 3)" }]);
    assert.equal(result.flagged, false);
  });

  it("with all ratings equal is not flagged", () => {
    const result = analyse([2, 2, 2, 2]);
    assert.equal(result.consensusRating, 2);
    assert.deepEqual(result.modalRatings, [2]);
    assert.equal(result.modalShare, 1);
    assert.equal(result.flagged, false);
    assert.equal(result.tier, "agreement");
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
    assert.equal(
      result.flags[0]?.message,
      "Ratings fall on both sides of the agree/disagree line (3 agree, 2 disagree)",
    );
    assert.equal(result.flags[1]?.message, "Only 60% chose the most common rating (75% needed from 5 answers)");
    assert.equal(result.tier, "disagreement");
  });

  it("flags 4 vs 1 as both sides and a 3-point spread", () => {
    const result = analyse([4, 4, 1]);
    assert.equal(result.range, 3);
    assert.deepEqual(
      result.flags.map((flag) => flag.code),
      ["bothSidesOfLine", "wideSpread"],
    );
    assert.equal(result.flags[1]?.message, "Ratings span 3 points (1 to 4)");
  });

  it("flags a 2-point spread even with a strong mode (on a 4-point scale it always crosses the line)", () => {
    assert.deepEqual(codes([1, 1, 1, 1, 1, 1, 1, 1, 1, 3]), ["bothSidesOfLine", "wideSpread"]);
    assert.deepEqual(codes([3, 4, 4, 4]), []);
  });

  it("3 members: a 3–4 split is near agreement with the majority proposed; a 4–1 split is flagged", () => {
    const near = analyse([4, 4, 3], 3);
    assert.equal(near.tier, "nearAgreement");
    assert.equal(near.flagged, false);
    assert.equal(near.consensusRating, 4);
    assert.equal(analyse([2, 1, 2], 3).consensusRating, 2);
    assert.equal(analyse([4, 4, 1], 3).tier, "disagreement");
  });

  describe("percent agreement: from 5 answers, at 75%", () => {
    it("does not apply at 4 answers, however split on one side", () => {
      assert.deepEqual(codes([4, 4, 3, 3]), []);
      assert.equal(analyse([4, 4, 3, 3]).tier, "nearAgreement");
    });

    it("at 5 answers: 4 of 5 (80%) passes, 3 of 5 (60%) is flagged", () => {
      assert.deepEqual(codes([4, 4, 4, 4, 3]), []);
      assert.deepEqual(analyse([4, 4, 4, 3, 3]).flags, [
        { code: "weakModalShare", message: "Only 60% chose the most common rating (75% needed from 5 answers)" },
      ]);
    });

    it("exactly 75% passes; just under is flagged and never printed as 75%", () => {
      assert.deepEqual(codes([4, 4, 4, 4, 4, 4, 3, 3]), []);
      const thresholds = { ...DEFAULT_CONSENSUS_THRESHOLDS, minAnswersForModalShare: 5 };
      const answers = [...Array<RatingValue>(149).fill(4), ...Array<RatingValue>(51).fill(3)].map(
        (rating: RatingValue) => ({
          rating,
          evidence: "x",
        }),
      );
      const result = analyseStatement({ statementId: "1a", answers, members: 200 }, thresholds);
      assert.equal(result.flags[0]?.message, "Only 74.5% chose the most common rating (75% needed from 5 answers)");
    });

    it("rounds shares as people expect: 2 of 3 is 67%, 5 of 7 is 71%", () => {
      const thresholds = { ...DEFAULT_CONSENSUS_THRESHOLDS, minAnswersForModalShare: 3 };
      const message = (ratings: RatingValue[]) =>
        analyseStatement(
          { statementId: "1a", answers: ratings.map((rating) => ({ rating, evidence: "x" })), members: 7 },
          thresholds,
        ).flags[0]?.message;
      assert.equal(message([4, 4, 3]), "Only 67% chose the most common rating (75% needed from 3 answers)");
      assert.equal(message([4, 4, 4, 4, 4, 3, 3]), "Only 71% chose the most common rating (75% needed from 3 answers)");
    });
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
    it("notes fewer answers than the quorum, without flagging", () => {
      assert.deepEqual(
        analyse([2, 2]).notes.map((note) => note.code),
        ["belowQuorum"],
      );
      assert.deepEqual(codes([2, 2]), []);
    });

    it("passes at exactly the quorum", () => {
      assert.deepEqual(analyse([2, 2, 2]).notes, []);
    });

    it("uses the singular for a one-member group", () => {
      assert.equal(analyse([], 1).notes[0]?.message, "No one has answered yet (1 member, quorum 3)");
      assert.equal(analyse([4], 1).notes[0]?.message, "Only 1 of 1 member answered (quorum 3)");
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
      assert.deepEqual(result.notes, [
        {
          code: "agreeWithoutEvidence",
          message: "2 people rated Agree with no evidence — Agree needs strong evidence",
        },
      ]);
      assert.equal(result.flagged, false);
    });

    it("uses the singular for one person", () => {
      const answers = [4, 4, 4].map((rating, index) => ({
        rating: rating as RatingValue,
        evidence: index === 0 ? " " : "Survey",
      }));
      const result = analyseStatement({ statementId: "2b", answers, members: 3 });
      assert.equal(result.notes[0]?.message, "1 person rated Agree with no evidence — Agree needs strong evidence");
    });

    it("does not apply to Mostly agree or lower", () => {
      const answers = [3, 3, 3].map((rating) => ({ rating: rating as RatingValue, evidence: "" }));
      assert.deepEqual(analyseStatement({ statementId: "2b", answers, members: 3 }).notes, []);
    });
  });

  describe("custom thresholds", () => {
    it("applies a stricter modal share from fewer answers", () => {
      const thresholds = { ...DEFAULT_CONSENSUS_THRESHOLDS, modalShareMin: 0.8, minAnswersForModalShare: 2 };
      const answers = [4, 4, 4, 3].map((rating) => ({ rating: rating as RatingValue, evidence: "x" }));
      const result = analyseStatement({ statementId: "3c", answers, members: 4 }, thresholds);
      assert.deepEqual(result.flags, [
        { code: "weakModalShare", message: "Only 75% chose the most common rating (80% needed from 2 answers)" },
      ]);
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
