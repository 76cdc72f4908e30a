import assert from "node:assert/strict";
import type { Answer } from "../../../assessment/answers/answer";
import { compileAssessment } from "../../../assessment/compile/compileAssessment";
import type { CompileAssessmentInput } from "../../../assessment/compile/compileAssessmentInput";
import type { RatingSource } from "../../../assessment/compile/compiledAssessment";
import { duplicateKey } from "../../../assessment/compile/mergeComments";
import { analyseStatement } from "../../../assessment/consensus/statementConsensus";
import type { RatingValue } from "../../../assessment/framework/frameworkSchema";
import { generateAssessment } from "../../../simulator/assessment/generateAssessment";

/** What the compile should say for a statement, worked out from the raw records without the compile's helpers. */
function expectedRating(
  input: CompileAssessmentInput,
  statementId: string,
): { rating: RatingValue | null; source: RatingSource } {
  const decisions = input.decisions
    .filter((d) => d.statementId === statementId)
    .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
  const latest = decisions.at(-1);
  if (latest) return { rating: latest.agreedRating, source: "moderated" };
  const answers = input.answers.filter((a) => a.statementId === statementId);
  if (answers.length === 0) return { rating: null, source: "unanswered" };
  const members = input.membersPerArea[Number.parseInt(statementId, 10)] ?? 0;
  const consensus = analyseStatement({ statementId, answers, members }, input.thresholds);
  const disputed = consensus.flagged || answers.length < Math.min(input.thresholds.quorum, members);
  return { rating: consensus.consensusRating, source: disputed ? "provisional" : "consensus" };
}

describe("compileAssessment on a generated assessment", () => {
  const input = generateAssessment({ seed: 11 });
  const compiled = compileAssessment(input);
  const statements = compiled.areas.flatMap((area) => area.statements);

  it("generates a realistic fixture", () => {
    assert.equal(input.assignments.length, 10);
    const people = new Set(input.answers.map((a) => a.respondent.aadObjectId));
    assert.ok(people.size >= 25 && people.size <= 40, `${people.size} people answered`);
    assert.ok(input.decisions.length > 0);
    assert.ok(
      input.answers.some((a) => a.rating === 4 && a.evidence === ""),
      "some Agree without evidence",
    );
  });

  it("has all 106 statements exactly once, in framework order", () => {
    const ids = statements.map((s) => s.id);
    assert.equal(ids.length, 106);
    assert.equal(new Set(ids).size, 106);
    assert.deepEqual(
      ids,
      input.framework.areas.flatMap((area) => area.statements.map((s) => s.id)),
    );
  });

  it("gives each statement the rating and source the records call for", () => {
    for (const result of statements) {
      const expected = expectedRating(input, result.id);
      assert.deepEqual({ rating: result.agreedRating, source: result.ratingSource }, expected, result.id);
    }
    const sources = new Set(statements.map((s) => s.ratingSource));
    assert.deepEqual([...sources].sort(), ["consensus", "moderated", "provisional"]);
  });

  it("removes duplicate comments and attributes every member's comment exactly once", () => {
    const byStatement = new Map<string, Answer[]>();
    for (const a of input.answers) byStatement.set(a.statementId, [...(byStatement.get(a.statementId) ?? []), a]);
    let merged = 0;
    for (const result of statements) {
      const keys = result.evidence.map((comment) => duplicateKey(comment.text));
      assert.equal(new Set(keys).size, keys.length, `${result.id} evidence has duplicates`);
      const written = (byStatement.get(result.id) ?? []).filter((a) => a.evidence.trim() !== "").length;
      const attributed = result.evidence.reduce((sum, comment) => sum + comment.attribution.length, 0);
      assert.equal(attributed, written, `${result.id} attributions`);
      merged += attributed - result.evidence.length;
    }
    assert.ok(merged > 0, "the fixture has duplicate evidence to merge");
  });

  it("before moderation, disputed statements are provisional rather than moderated", () => {
    const early = compileAssessment({ ...input, decisions: [], globalDecisions: [] });
    const earlyById = new Map(early.areas.flatMap((area) => area.statements).map((s) => [s.id, s]));
    assert.ok(!early.areas.some((area) => area.globalScore.source === "moderated"));
    for (const moderated of statements.filter((s) => s.ratingSource === "moderated")) {
      const before = earlyById.get(moderated.id);
      assert.equal(before?.ratingSource, "provisional", moderated.id);
      assert.equal(before.agreedRating, moderated.consensusRating, moderated.id);
    }
    assert.ok(early.summary.unresolved.length > compiled.summary.unresolved.length);
  });

  it("lists an area without a group and unanswered statements as unresolved", () => {
    const partial = compileAssessment(
      generateAssessment({ seed: 11, areasWithoutGroup: [10], unansweredStatements: ["3c", "7h"] }),
    );
    const kinds = partial.summary.unresolved.map((item) => `${item.kind}:${item.statementId ?? item.areaNumber}`);
    assert.ok(kinds.includes("noGroup:10"));
    assert.ok(kinds.includes("unanswered:3c") && kinds.includes("unanswered:7h"));
    assert.equal(partial.areas[9]?.group, null);
    assert.ok(partial.areas[9].statements.every((s) => s.ratingSource === "unanswered"));
    assert.equal(partial.summary.complete, false);
  });

  it("fills the front sheet from the groups and the answer dates", () => {
    assert.match(
      compiled.frontSheet.completionMethod,
      /^10 virtual working groups, one per area, over 6 weeks \(first answer \d+ March 2025 – last answer \d+ April 2025\)$/,
    );
    assert.equal(compiled.frontSheet.dateCompleted, "2025-04-19");
    assert.ok(compiled.frontSheet.peopleInvolved >= 25);
  });
});
