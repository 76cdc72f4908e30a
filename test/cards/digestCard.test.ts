import assert from "node:assert/strict";
import { buildAreaDigest } from "../../assessment/digest/buildAreaDigest";
import { splitDigest } from "../../assessment/digest/splitDigest";
import { loadFramework, DEFAULT_FRAMEWORK_PATH } from "../../storage/framework/loadFramework";
import type { RatingValue } from "../../assessment/framework/frameworkSchema";
import { buildDigestCard, cardBytes } from "../../cards/digestCard";
import { aDecision, aGlobalDecision, aGlobalScore, anAnswer, aPerson } from "../support/domainFactories";
import { executeActions } from "../support/executeActions";
import { defined } from "../support/defined";

const framework = loadFramework(DEFAULT_FRAMEWORK_PATH);
const area = defined(framework.areas.find((candidate) => candidate.number === 7));
const member = (index: number) =>
  aPerson({ aadObjectId: `aad-${index}`, teamsUserId: `29:${index}`, name: `Member ${index}` });
const answer = (statementId: string, index: number, rating: RatingValue) =>
  anAnswer({
    statementId,
    respondent: member(index),
    rating,
    evidence: `${statementId} evidence by ${index} for ${rating}`,
    ideas: "",
  });

describe("the digest for a 3-member area", () => {
  // 7a: 4, 4, 3 (near agreement); 7b: 4, 4, 1 (disagreement); 7c: 2, 2, 2 (agreement).
  const answers = [
    answer("7a", 1, 4),
    answer("7a", 2, 3),
    answer("7a", 3, 4),
    answer("7b", 1, 1),
    answer("7b", 2, 4),
    answer("7b", 3, 4),
    ...[1, 2, 3].map((i) => answer("7c", i, 2)),
  ];
  const globalScores = [
    aGlobalScore({ respondent: member(1), score: 3 }),
    aGlobalScore({ respondent: member(2), score: 7 }),
    aGlobalScore({ respondent: member(3), score: 7 }),
  ];
  const digestWith = (decided: Pick<Parameters<typeof buildAreaDigest>[0], "decisions" | "globalDecision">) =>
    buildAreaDigest({
      assessmentId: "a-1",
      area,
      answers,
      globalScores,
      members: 3,
      globalScoreMax: 10,
      scale: framework.scale,
      ...decided,
    });
  const digest = digestWith({ decisions: [] });
  const statement = (id: string) => defined(digest.statements.find((candidate) => candidate.statementId === id));

  it("proposes the majority for a 3–4 split, flags a 4–1 split, and lists the flagged one first", () => {
    assert.equal(statement("7a").tier, "nearAgreement");
    assert.equal(statement("7a").consensusRating, 4);
    assert.equal(statement("7b").flagged, true);
    assert.equal(digest.statements[0]?.statementId, "7b");
    assert.equal(digest.summary.flaggedCount, 1);
    assert.equal(statement("7b").distributionWords, "2 agree, 1 disagree");
  });

  it("groups evidence under the rating each person gave", () => {
    assert.deepEqual(
      statement("7b").comments.map((comment) => [comment.rating, comment.text]),
      [
        [4, "7b evidence by 2 for 4"],
        [4, "7b evidence by 3 for 4"],
        [1, "7b evidence by 1 for 1"],
      ],
    );
  });

  it("gives the global score's spread, not only its median", () => {
    assert.equal(digest.globalScore.spread, "lowest 3, highest 7; 3: 1 · 7: 2");
  });

  it("opens short: evidence and decision inputs collapsed behind a toggle; bulk accept apart; every comment once", () => {
    const pages = splitDigest(digest, (page) => cardBytes(buildDigestCard(page, 10)));
    const text = pages.map((page) => JSON.stringify(buildDigestCard(page, 10))).join("\n");
    for (const id of ["7a", "7b", "7c"]) {
      assert.match(text, new RegExp(`"id":"details_${id}","isVisible":false`));
      assert.match(
        text,
        new RegExp(`"Action.ToggleVisibility","title":"[^"]+","targetElements":\\["details_${id}"\\]`),
      );
    }
    assert.match(text, /"id":"global_details","isVisible":false/);
    for (const comment of digest.statements.flatMap((item) => item.comments))
      assert.equal(text.split(comment.text).length - 1, 1, comment.text);
    assert.match(text, /Rated 4 · Agree/);
    assert.match(text, /Rule applied: Disagreement = /);
  });

  it("each Record button sends back the decision its card shows (its time, blank for none), so one recorded since is never overwritten unseen", () => {
    const decided = digestWith({
      decisions: [aDecision({ assessmentId: "a-1", statementId: "7b", decidedAt: "2025-03-07T17:08:00.000Z" })],
      globalDecision: aGlobalDecision({ assessmentId: "a-1", decidedAt: "2025-03-08T09:30:00.000Z" }),
    });
    const cards = splitDigest(decided, (page) => cardBytes(buildDigestCard(page, 10))).map((page) =>
      buildDigestCard(page, 10),
    );
    const actions = executeActions(cards);
    const recordFor = (statementId: string) =>
      actions.find((action) => action.verb === "recordDecision" && action.data["statementId"] === statementId)?.data;
    assert.equal(recordFor("7b")?.["replacing"], "2025-03-07T17:08:00.000Z");
    assert.equal(recordFor("7a")?.["replacing"], "");
    assert.equal(
      actions.find((action) => action.verb === "recordGlobalDecision")?.data["replacing"],
      "2025-03-08T09:30:00.000Z",
    );
  });
});
