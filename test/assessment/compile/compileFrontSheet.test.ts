import assert from "node:assert/strict";
import { compileFrontSheet, type CompileFrontSheetInput } from "../../../assessment/compile/compileFrontSheet";
import { answer, assignment, compileInput, person } from "./compileTestRecords";

function frontSheet(
  overrides: Partial<CompileFrontSheetInput> = {},
  details: Partial<CompileFrontSheetInput["details"]> = {},
) {
  const base = compileInput();
  return compileFrontSheet({
    details: { ...base.details, ...details },
    compiledAt: "2025-04-01T23:30:00.000Z",
    assignments: [assignment(1), assignment(2)],
    answerInstants: ["2025-03-03T09:00:00.000Z", "2025-03-20T09:00:00.000Z"],
    people: [person(1), person(2), person(1)],
    ...overrides,
  });
}

describe("compileFrontSheet", () => {
  it("dates the assessment in its own time zone", () => {
    assert.equal(frontSheet().dateCompleted, "2025-04-02"); // 00:30 BST
    assert.equal(frontSheet({}, { timeZone: "America/New_York" }).dateCompleted, "2025-04-01");
    assert.equal(frontSheet({}, { timeZone: "Not/AZone" }).dateCompleted, "2025-04-01");
  });

  it("describes how it was completed when the coordinator did not", () => {
    const sheet = frontSheet();
    assert.equal(
      sheet.completionMethod,
      "2 virtual working groups, one per area, over 3 weeks (first answer 3 March 2025 – last answer 20 March 2025)",
    );
    assert.equal(sheet.completionMethodGenerated, true);
  });

  it("says when one channel covers several areas, and when nobody has answered", () => {
    const shared = { ...assignment(2), channel: assignment(1).channel };
    const sheet = frontSheet({ assignments: [assignment(1), shared], answerInstants: [] });
    assert.equal(sheet.completionMethod, "1 virtual working group, covering 2 areas, with no answers yet");
  });

  it("keeps the coordinator's own words and counts people once", () => {
    const sheet = frontSheet(
      {},
      { completionMethod: " Two workshops and Teams channels ", rolesInvolved: "PAs, housing, health" },
    );
    assert.equal(sheet.completionMethod, "Two workshops and Teams channels");
    assert.equal(sheet.completionMethodGenerated, false);
    assert.equal(sheet.rolesInvolved, "PAs, housing, health");
    assert.equal(sheet.peopleInvolved, 2);
    assert.equal(frontSheet().rolesInvolved, null);
  });

  it("calls a few days' work one week", () => {
    const at = answer("1a", 1, 3).updatedAt;
    assert.match(frontSheet({ answerInstants: [at, at] }).completionMethod, /over 1 week \(/);
  });
});
