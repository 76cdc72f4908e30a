import assert from "node:assert/strict";
import { buildAreaDigest } from "../../../assessment/digest/buildAreaDigest";
import { loadFramework, DEFAULT_FRAMEWORK_PATH } from "../../../storage/framework/loadFramework";
import type { RatingValue } from "../../../assessment/framework/frameworkSchema";
import { aDecision, anAnswer, aPerson } from "../../support/domainFactories";
import { defined } from "../../support/defined";

const framework = loadFramework(DEFAULT_FRAMEWORK_PATH);
const area = defined(framework.areas.find((candidate) => candidate.number === 7));

function member(index: number) {
  return aPerson({ aadObjectId: `aad-${index}`, teamsUserId: `29:${index}`, name: `Member ${index}` });
}

describe("buildAreaDigest", () => {
  const answers = [
    // 7a split across the agree/disagree line: flagged.
    anAnswer({ statementId: "7a", respondent: member(1), rating: 4, evidence: "Panel minutes", ideas: "More panels" }),
    anAnswer({ statementId: "7a", respondent: member(2), rating: 1, evidence: "", ideas: "" }),
    anAnswer({ statementId: "7a", respondent: member(3), rating: 3, evidence: "Audit", ideas: "" }),
    // 7b all 3: unflagged.
    ...[1, 2, 3].map((index) =>
      anAnswer({
        statementId: "7b",
        respondent: member(index),
        rating: 3 as RatingValue,
        evidence: `Evidence ${index}`,
        ideas: "",
      }),
    ),
  ];
  const digest = buildAreaDigest({
    assessmentId: "assessment-1",
    area,
    answers,
    globalScores: [],
    members: 3,
    globalScoreMax: framework.globalScoreMax,
    scale: framework.scale,
    decisions: [aDecision({ statementId: "7b", agreedRating: 3 })],
  });

  it("puts flagged statements first, then unflagged in framework order", () => {
    const flaggedIds = digest.statements
      .filter((statement) => statement.flagged)
      .map((statement) => statement.statementId);
    assert.ok(flaggedIds.includes("7a"));
    const firstUnflagged = digest.statements.findIndex((statement) => !statement.flagged);
    assert.ok(digest.statements.slice(0, firstUnflagged).every((statement) => statement.flagged));
    assert.ok(digest.statements.slice(firstUnflagged).every((statement) => !statement.flagged));
    assert.equal(digest.statements[firstUnflagged]?.statementId, "7b");
    assert.equal(digest.statements.length, area.statements.length);
  });

  it("summarises, gives the distribution as text, the flags and the existing decision", () => {
    const a = defined(digest.statements.find((statement) => statement.statementId === "7a"));
    assert.equal(a.distributionWords, "1 agree, 1 mostly agree, 1 disagree");
    assert.ok(a.flags.some((flag) => flag.includes("both sides")));
    const b = defined(digest.statements.find((statement) => statement.statementId === "7b"));
    assert.equal(b.decision?.agreedRating, 3);
    // Unanswered statements are notes (below quorum), not disagreements.
    assert.equal(digest.summary.flaggedCount, 1);
    assert.equal(digest.summary.answeredPercent, Math.floor((6 * 100) / (3 * area.statements.length)));
  });

  it("collates evidence and ideas with the writer's name, skipping blanks", () => {
    const a = defined(digest.statements.find((statement) => statement.statementId === "7a"));
    assert.deepEqual(a.comments, [
      { kind: "evidence", author: "Member 1", rating: 4, text: "Panel minutes" },
      { kind: "ideas", author: "Member 1", rating: 4, text: "More panels" },
      { kind: "evidence", author: "Member 3", rating: 3, text: "Audit" },
    ]);
  });
});
