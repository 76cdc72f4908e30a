import assert from "node:assert/strict";
import {
  mergeYoungPeopleScores,
  parseYoungPeopleScores,
  youngPeopleScoresByArea,
} from "../../../assessment/youngPeople/youngPeopleScores";

const AREAS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe("young people's scores", () => {
  it("reads area=score pairs and an optional source", () => {
    assert.deepEqual(parseYoungPeopleScores("1=6 2=5, 10=0 from=Children in Care Council, March 2025", AREAS, 10), {
      ok: true,
      scores: { 1: 6, 2: 5, 10: 0 },
      source: "Children in Care Council, March 2025",
    });
    assert.deepEqual(parseYoungPeopleScores("3=7", AREAS, 10), { ok: true, scores: { 3: 7 }, source: undefined });
  });

  it("refuses unknown areas, scores over the maximum and anything that is not area=score", () => {
    for (const [text, message] of [
      ["11=5", /no area 11/],
      ["3=11", /from 0 to 10, not 11/],
      ["3:5", /"3:5" is not area=score/],
      ["3=-1", /not area=score/],
      ["", /at least one/],
    ] as const) {
      const parsed = parseYoungPeopleScores(text, AREAS, 10);
      assert.ok(!parsed.ok && message.test(parsed.message), `${text}: ${JSON.stringify(parsed)}`);
    }
  });

  it("replaces only the areas given and keeps the source unless a new one is given", () => {
    const first = mergeYoungPeopleScores(undefined, { scores: { 1: 6, 2: 5 }, source: "CiCC" }, "2025-04-01T10:00:00Z");
    const second = mergeYoungPeopleScores(first, { scores: { 2: 8 }, source: undefined }, "2025-04-02T10:00:00Z");
    assert.deepEqual(second, { scores: { 1: 6, 2: 8 }, source: "CiCC", recordedAt: "2025-04-02T10:00:00Z" });
    assert.deepEqual(youngPeopleScoresByArea(second), { 1: 6, 2: 8 });
    assert.equal(youngPeopleScoresByArea(undefined), undefined);
  });
});
