import assert from "node:assert/strict";
import fc from "fast-check";
import { compileAssessment } from "../../../assessment/compile/compileAssessment";
import type { CompileAssessmentInput } from "../../../assessment/compile/compileAssessmentInput";
import { generateAssessment } from "../../../simulator/assessment/generateAssessment";
import { seededRandom } from "../../../simulator/assessment/generateAssessmentRandom";

/** The same records as the stores might return them: every list in another order, object keys too. */
function shuffled(input: CompileAssessmentInput, seed: number): CompileAssessmentInput {
  const random = seededRandom(seed);
  return {
    ...input,
    assignments: random.shuffle(input.assignments),
    answers: random.shuffle(input.answers),
    globalScores: random.shuffle(input.globalScores),
    decisions: random.shuffle(input.decisions),
    globalDecisions: random.shuffle(input.globalDecisions),
    membersPerArea: Object.fromEntries(random.shuffle(Object.entries(input.membersPerArea))),
  };
}

describe("compileAssessment determinism", () => {
  const fixtures = new Map(
    [1, 2, 3].map((seed) => [
      seed,
      generateAssessment({
        seed,
        attribution: seed === 2 ? "anonymous" : "names",
        areasWithoutGroup: seed === 3 ? [5] : [],
      }),
    ]),
  );
  const compiledOnce = new Map([...fixtures].map(([seed, input]) => [seed, compileAssessment(input)]));

  it("gives a deep-equal result for the same records in any order", () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 3), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (fixtureSeed, shuffleSeed) => {
        const input = fixtures.get(fixtureSeed) as CompileAssessmentInput;
        assert.deepStrictEqual(compileAssessment(shuffled(input, shuffleSeed)), compiledOnce.get(fixtureSeed));
      }),
      { numRuns: 12 },
    );
  });

  it("picks the same version of a record stored twice, whichever comes first", () => {
    const input = fixtures.get(1) as CompileAssessmentInput;
    const first = input.answers[0];
    assert.ok(first);
    const twin = { ...first, rating: first.rating === 4 ? (1 as const) : (4 as const) };
    const forward = compileAssessment({ ...input, answers: [...input.answers, twin] });
    const backward = compileAssessment({ ...input, answers: [twin, ...input.answers] });
    assert.deepStrictEqual(forward, backward);
  });

  it("generates the same fixture from the same seed", () => {
    assert.deepStrictEqual(generateAssessment({ seed: 1 }), fixtures.get(1));
  });
});
