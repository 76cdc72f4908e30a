import assert from "node:assert/strict";
import type { Answer } from "../../../assessment/answers/answer";
import type { RatingValue } from "../../../assessment/framework/frameworkSchema";
import { DEFAULT_FRAMEWORK_PATH, loadFramework } from "../../../storage/framework/loadFramework";
import { answerInRound, answersAsOfRound } from "../../../assessment/rounds/answerInRound";
import { roundMovement } from "../../../assessment/rounds/roundMovement";
import { sendBackRefusal, type SendBackState } from "../../../assessment/rounds/sendBackRefusal";
import { earlierRoundSummaries, latestRound } from "../../../assessment/rounds/earlierRoundSummaries";
import { buildAreaDigest } from "../../../assessment/digest/buildAreaDigest";
import { aPerson, anAnswer } from "../../support/domainFactories";
import { findArea } from "../../../assessment/framework/frameworkLookup";

const framework = loadFramework(DEFAULT_FRAMEWORK_PATH);
const area = requireArea(7);

/** A member's answer: round 1 only, or round 1 then round 2. */
function answerOf(name: string, first: RatingValue, second?: RatingValue): Answer {
  const respondent = aPerson({ name, aadObjectId: `aad-${name}`, teamsUserId: `29:${name}` });
  const roundOne = { rating: first, evidence: `${name} round 1`, ideas: "", updatedAt: "2026-03-02T10:00:00.000Z" };
  if (second === undefined) return anAnswer({ statementId: "7a", respondent, ...roundOne });
  return anAnswer({
    statementId: "7a",
    respondent,
    rating: second,
    evidence: `${name} round 2`,
    updatedAt: "2026-03-03T10:00:00.000Z",
    round: 2,
    earlierRounds: [{ round: 1, ...roundOne }],
  });
}

describe("a second round", () => {
  const answers = [answerOf("Ana", 4, 2), answerOf("Ben", 1, 2), answerOf("Cal", 2, 2), answerOf("Dee", 3)];

  it("keeps each member's round-1 answer and reads the ratings as they stood after each round", () => {
    const [ana, , , dee] = answers;
    assert.ok(ana && dee);
    assert.equal(answerInRound(ana, 1)?.evidence, "Ana round 1");
    assert.equal(answerInRound(ana, 2)?.rating, 2);
    assert.equal(answerInRound(dee, 2), undefined, "Dee has not answered round 2");
    assert.deepEqual(
      answersAsOfRound(answers, 1).map((answer) => answer.rating),
      [4, 1, 2, 3],
    );
    // Someone who skips a round keeps their earlier rating in it.
    assert.deepEqual(
      answersAsOfRound(answers, 2).map((answer) => answer.rating),
      [2, 2, 2, 3],
    );
  });

  it("names who moved, who kept their rating and who has not answered the round yet", () => {
    assert.deepEqual(roundMovement(answers, 2), {
      moved: [
        { name: "Ana", from: 4, to: 2 },
        { name: "Ben", from: 1, to: 2 },
      ],
      confirmed: ["Cal"],
      waiting: ["Dee"],
    });
  });

  it("summarises the earlier rounds for the compiled documents", () => {
    assert.equal(latestRound(answers), 2);
    assert.deepEqual(earlierRoundSummaries(answers), [
      { round: 1, answered: 4, distribution: { 1: 1, 2: 1, 3: 1, 4: 1 } },
    ]);
    assert.deepEqual(earlierRoundSummaries([answerOf("Eve", 3)]), []);
  });

  describe("sending back", () => {
    const open: SendBackState = {
      statementId: "7a",
      areaStatus: "open",
      tier: "disagreement",
      decided: false,
      currentRound: 1,
      extraRounds: 1,
    };
    it("is allowed for an undecided disagreement in an open area with a round left", () => {
      assert.equal(sendBackRefusal(open), undefined);
    });
    it("is refused when the area is closed, the statement decided, the rounds used up, or nothing disagrees", () => {
      assert.match(sendBackRefusal({ ...open, areaStatus: "closed" }) ?? "", /area is not open/);
      assert.match(sendBackRefusal({ ...open, decided: true }) ?? "", /already has an agreed rating/);
      assert.match(sendBackRefusal({ ...open, currentRound: 2 }) ?? "", /had its extra round/);
      assert.match(sendBackRefusal({ ...open, extraRounds: 0 }) ?? "", /no second round/);
      assert.equal(sendBackRefusal({ ...open, extraRounds: 2, currentRound: 2 }), undefined);
      assert.match(sendBackRefusal({ ...open, tier: "nearAgreement" }) ?? "", /not flagged/);
    });
  });

  it("shows the lead round 1 → 2 in the digest, the statement now agreed with its rating proposed", () => {
    const digest = buildAreaDigest({
      assessmentId: "assessment-1",
      area,
      answers: answers.slice(0, 3),
      globalScores: [],
      members: 3,
      globalScoreMax: framework.globalScoreMax,
      scale: framework.scale,
      decisions: [],
      rounds: [
        {
          assessmentId: "assessment-1",
          areaNumber: 7,
          statementId: "7a",
          round: 2,
          startedBy: aPerson(),
          startedAt: "2026-03-02T12:00:00.000Z",
        },
      ],
      areaStatus: "open",
    });
    const statement = digest.statements.find((candidate) => candidate.statementId === "7a");
    assert.ok(statement);
    assert.equal(statement.round, 2);
    assert.equal(statement.flagged, false);
    assert.equal(statement.consensusRating, 2);
    assert.equal(statement.canSendBack, false);
    assert.deepEqual(statement.roundChange, {
      line: "Round 1 → 2: 1 agree, 1 mostly disagree, 1 disagree → 3 mostly disagree",
      moved: [
        { name: "Ana", from: 4, to: 2 },
        { name: "Ben", from: 1, to: 2 },
      ],
      confirmed: ["Cal"],
      waiting: [],
      nowAgreed: true,
    });
    // Round 1's evidence stays out of the digest's comments: the latest answers are what the lead weighs.
    assert.ok(statement.comments.every((comment) => comment.text.endsWith("round 2")));
  });
});

function requireArea(number: number) {
  const found = findArea(framework, number);
  if (!found) throw new Error(`no area ${number} in the framework`);
  return found;
}
