import assert from "node:assert/strict";
import { compileAssessment } from "../../../assessment/compile/compileAssessment";
import { cycleResultOf, type CycleResult } from "../../../assessment/cycles/cycleResult";
import { generateAssessment } from "../../../simulator/assessment/generateAssessment";

describe("comparing a cycle with the previous one", () => {
  const input = generateAssessment({ seed: 5 });
  const first = compileAssessment(input);
  const firstResult = cycleResultOf(first);

  it("keeps every agreed rating and global score of a cycle, and its date", () => {
    const rated = first.areas.flatMap((area) => area.statements).filter((statement) => statement.agreedRating !== null);
    assert.equal(Object.keys(firstResult.ratings).length, rated.length);
    assert.ok(rated.length > 50);
    for (const statement of rated) assert.equal(firstResult.ratings[statement.id], statement.agreedRating);
    assert.equal(firstResult.completedOn, first.frontSheet.dateCompleted);
    const scored = first.areas.filter((area) => area.globalScore.value !== null);
    for (const area of scored) assert.equal(firstResult.globalScores[String(area.number)], area.globalScore.value);
  });

  it("leaves a first cycle's model exactly as it was", () => {
    assert.deepEqual(compileAssessment({ ...input, previousCycles: [] }), first);
    assert.equal("cycles" in first, false);
  });

  it("marks each statement and score up, down or the same against the LAST previous cycle", () => {
    const statements = first.areas.flatMap((area) => area.statements);
    const rose = statements.find((statement) => (statement.agreedRating ?? 0) >= 2);
    const fell = statements.find((statement) => statement !== rose && (statement.agreedRating ?? 4) <= 3);
    const held = statements.find((statement) => statement !== rose && statement !== fell && statement.agreedRating);
    const unrated = statements.find((statement) => ![rose, fell, held].includes(statement));
    assert.ok(rose && fell && held?.agreedRating && unrated);
    const last: CycleResult = {
      completedOn: "2025-03-31",
      source: "imported",
      ratings: { [rose.id]: 1, [fell.id]: 4, [held.id]: held.agreedRating },
      globalScores: { "1": 0 },
    };
    const older: CycleResult = { completedOn: "2024-03-31", source: "imported", ratings: {}, globalScores: { "1": 9 } };
    const second = compileAssessment({ ...input, previousCycles: [older, last] });
    const byId = new Map(second.areas.flatMap((area) => area.statements).map((statement) => [statement.id, statement]));
    assert.equal(byId.get(rose.id)?.change, "up");
    assert.equal(byId.get(fell.id)?.change, "down");
    assert.equal(byId.get(held.id)?.change, "same");
    assert.equal(byId.get(unrated.id)?.previousRating, null);
    assert.equal(byId.get(unrated.id)?.change, "none");
    const [area1] = second.areas;
    assert.ok(area1);
    assert.equal(area1.globalScore.previousValue, 0);
    assert.equal(area1.globalScore.change, area1.globalScore.value === 0 ? "same" : "up");
    assert.equal(second.areas[1]?.globalScore.previousValue, null);
    assert.deepEqual(
      second.cycles?.map((cycle) => [cycle.completedOn, cycle.globalScores[0]]),
      [
        ["2024-03-31", 9],
        ["2025-03-31", 0],
        [second.frontSheet.dateCompleted, area1.globalScore.value],
      ],
    );
  });
});
