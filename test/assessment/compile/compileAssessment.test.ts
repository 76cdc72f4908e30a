import assert from "node:assert/strict";
import { compileAssessment } from "../../../assessment/compile/compileAssessment";
import type { CompiledAssessment, CompiledStatement } from "../../../assessment/compile/compiledAssessment";
import {
  answer,
  ASSESSMENT_ID,
  assignment,
  compileInput,
  decision,
  framework,
  globalDecision,
  globalScore,
} from "./compileTestRecords";

function statement(compiled: CompiledAssessment, id: string): CompiledStatement {
  const found = compiled.areas.flatMap((area) => area.statements).find((candidate) => candidate.id === id);
  assert.ok(found, `statement ${id} is in the compiled model`);
  return found;
}

const agreeing = (id: string, rating: 1 | 2 | 3 | 4, members = [1, 2, 3]) =>
  members.map((member) => answer(id, member, rating));

describe("compileAssessment", () => {
  describe("agreed ratings", () => {
    it("takes a lead's decision over the members' consensus", () => {
      const compiled = compileAssessment(compileInput({ answers: agreeing("1a", 3), decisions: [decision("1a", 2)] }));
      const result = statement(compiled, "1a");
      assert.equal(result.agreedRating, 2);
      assert.equal(result.ratingSource, "moderated");
      assert.equal(result.consensusRating, 3);
      assert.deepEqual(result.moderation, {
        rationale: "Agreed at the group meeting",
        decidedBy: "Lead Person",
        acceptedWithoutDiscussion: false,
        decidedAt: "2025-03-20T10:00:00.000Z",
      });
    });

    it("uses the latest decision when a lead changed their mind", () => {
      const decisions = [decision("1a", 4, "2025-03-22T10:00:00.000Z"), decision("1a", 1, "2025-03-20T10:00:00.000Z")];
      assert.equal(
        statement(compileAssessment(compileInput({ answers: agreeing("1a", 3), decisions })), "1a").agreedRating,
        4,
      );
    });

    it("marks a disagreement nobody has moderated as provisional, showing the consensus rating", () => {
      const answers = [answer("1b", 1, 4), answer("1b", 2, 4), answer("1b", 3, 4), answer("1b", 4, 1)];
      const result = statement(compileAssessment(compileInput({ answers })), "1b");
      assert.equal(result.ratingSource, "provisional");
      assert.equal(result.agreedRating, 4);
      assert.ok(result.flags.some((flag) => flag.includes("both sides")));
    });

    it("calls unanimous, evidenced ratings consensus", () => {
      const result = statement(compileAssessment(compileInput({ answers: agreeing("2c", 2) })), "2c");
      assert.equal(result.ratingSource, "consensus");
      assert.equal(result.agreedRating, 2);
      assert.deepEqual(result.distribution, { 1: 0, 2: 3, 3: 0, 4: 0 });
    });

    it("leaves unanswered statements without a rating", () => {
      const result = statement(compileAssessment(compileInput()), "7o");
      assert.equal(result.agreedRating, null);
      assert.equal(result.ratingSource, "unanswered");
    });

    it("treats too few answers as provisional, unless the whole (small) group answered", () => {
      const oneOfFive = compileAssessment(compileInput({ answers: [answer("3a", 1, 3)], membersPerArea: { 3: 5 } }));
      assert.equal(statement(oneOfFive, "3a").ratingSource, "provisional");
      const bothOfTwo = compileAssessment(
        compileInput({ answers: agreeing("3a", 3, [1, 2]), membersPerArea: { 3: 2 } }),
      );
      assert.equal(statement(bothOfTwo, "3a").ratingSource, "consensus");
    });

    it("keeps Agree-without-evidence as consensus but reports the note", () => {
      const answers = [answer("4a", 1, 4, { evidence: "" }), answer("4a", 2, 4), answer("4a", 3, 4)];
      const result = statement(compileAssessment(compileInput({ answers })), "4a");
      assert.equal(result.ratingSource, "consensus");
      assert.ok(result.notes.some((note) => note.includes("no evidence")));
      assert.deepEqual(result.flags, []);
    });

    it("counts only each member's latest answer", () => {
      const answers = [...agreeing("1c", 2), answer("1c", 1, 3, { at: "2025-03-01T10:00:00.000Z" })];
      assert.deepEqual(statement(compileAssessment(compileInput({ answers })), "1c").distribution, {
        1: 0,
        2: 3,
        3: 0,
        4: 0,
      });
    });

    it("ignores other assessments' records and statements the framework lacks", () => {
      const stray = { ...answer("1a", 5, 1), assessmentId: "another" };
      const unknown = answer("1z", 1, 1);
      const compiled = compileAssessment(compileInput({ answers: [...agreeing("1a", 3), stray, unknown] }));
      assert.equal(statement(compiled, "1a").answered, 3);
      assert.equal(compiled.areas.flatMap((area) => area.statements).length, 106);
    });
  });

  describe("evidence and ideas", () => {
    it("merges comments that differ only in spacing or case, keeping everyone's attribution", () => {
      const answers = [
        answer("5a", 2, 3, { evidence: "Audit  of pathway\nplans", ideas: "More apprenticeships" }),
        answer("5a", 1, 3, { evidence: "audit of pathway plans", ideas: "" }),
        answer("5a", 3, 3, { evidence: "Care leaver survey 2024", ideas: "  " }),
      ];
      const result = statement(compileAssessment(compileInput({ answers })), "5a");
      assert.deepEqual(result.evidence, [
        { text: "audit of pathway plans", attribution: ["Person 1", "Person 2"] },
        { text: "Care leaver survey 2024", attribution: ["Person 3"] },
      ]);
      assert.deepEqual(result.ideas, [{ text: "More apprenticeships", attribution: ["Person 2"] }]);
    });

    it("numbers members per area by AAD object id when anonymous, and does not name the lead", () => {
      const answers = [
        answer("6a", 7, 3, { evidence: "B" }),
        answer("6a", 3, 3, { evidence: "A" }),
        answer("6b", 5, 3, { evidence: "C" }),
      ];
      const compiled = compileAssessment(
        compileInput({ answers, decisions: [decision("6a", 3)], attribution: "anonymous" }),
      );
      assert.deepEqual(statement(compiled, "6a").evidence, [
        { text: "A", attribution: ["Member 1"] },
        { text: "B", attribution: ["Member 3"] },
      ]);
      assert.deepEqual(statement(compiled, "6b").evidence, [{ text: "C", attribution: ["Member 2"] }]);
      assert.equal(statement(compiled, "6a").moderation?.decidedBy, "Moderator");
    });
  });

  describe("global scores", () => {
    it("prefers the agreed score, else the median, provisional while flagged", () => {
      const scores = [
        globalScore(1, 1, 2),
        globalScore(1, 2, 9),
        globalScore(1, 3, 5),
        globalScore(2, 1, 6),
        globalScore(2, 2, 6),
        globalScore(2, 3, 7),
      ];
      const compiled = compileAssessment(
        compileInput({ globalScores: scores, globalDecisions: [globalDecision(2, 8)] }),
      );
      const [area1, area2, area3] = compiled.areas;
      assert.deepEqual(
        [area1?.globalScore.value, area1?.globalScore.source, area1?.globalScore.provisional],
        [5, "median", true],
      );
      assert.deepEqual(
        [area2?.globalScore.value, area2?.globalScore.source, area2?.globalScore.provisional],
        [8, "moderated", false],
      );
      assert.deepEqual([area3?.globalScore.value, area3?.globalScore.source], [null, "none"]);
    });

    it("adds the young people's score only to areas that have one", () => {
      const compiled = compileAssessment(compileInput({ youngPeopleScores: { 2: 7 } }));
      assert.equal(compiled.areas[1]?.youngPeopleScore, 7);
      assert.equal("youngPeopleScore" in (compiled.areas[0] ?? {}), false);
    });
  });

  describe("summary", () => {
    it("lists an area with no group, and its statements are not listed one by one", () => {
      const assignments = framework.areas.filter((area) => area.number !== 4).map((area) => assignment(area.number));
      const compiled = compileAssessment(compileInput({ assignments }));
      assert.equal(compiled.areas[3]?.group, null);
      const area4 = compiled.summary.unresolved.filter((item) => item.areaNumber === 4);
      assert.deepEqual(
        area4.map((item) => item.kind),
        ["noGroup"],
      );
      assert.match(area4[0]?.description ?? "", /no working group \(8 of 8 statements unanswered\)/);
      assert.equal(compiled.summary.complete, false);
    });

    it("is complete once every statement and global score is agreed", () => {
      const answers = framework.areas.flatMap((area) =>
        area.statements.flatMap((s) => agreeing(s.id, area.number % 2 === 0 ? 4 : 1)),
      );
      const globalScores = framework.areas.flatMap((area) =>
        [1, 2, 3].map((member) => globalScore(area.number, member, area.number % 2 === 0 ? 9 : 1)),
      );
      const compiled = compileAssessment(compileInput({ answers, globalScores }));
      assert.deepEqual(compiled.summary.unresolved, []);
      assert.equal(compiled.summary.complete, true);
      assert.equal(compiled.summary.strengths.length + compiled.summary.priorities.length, 106);
      assert.ok(compiled.summary.strengths.every((ref) => ref.agreedRating === 4));
    });

    it("gives priorities their ideas", () => {
      const answers = agreeing("8a", 1).map((a) => ({ ...a, ideas: "Write the policy" }));
      const priority = compileAssessment(compileInput({ answers })).summary.priorities.find(
        (p) => p.statementId === "8a",
      );
      assert.deepEqual(priority?.ideas, [
        { text: "Write the policy", attribution: ["Person 1", "Person 2", "Person 3"] },
      ]);
    });
  });

  it("carries the assessment's identity and the framework's wording", () => {
    const compiled = compileAssessment(compileInput());
    assert.equal(compiled.assessmentId, ASSESSMENT_ID);
    assert.equal(compiled.framework.globalLinePrefix, framework.globalLinePrefix);
    assert.deepEqual(
      compiled.framework.scale.map((level) => level.value),
      [4, 3, 2, 1],
    );
    assert.equal(compiled.areas[6]?.globalLine, "Being in safe and settled accommodation");
  });
});
