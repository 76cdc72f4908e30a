import assert from "node:assert/strict";
import { plural } from "../../../assessment/text/plural";

describe("plural", () => {
  it("agrees the words with the count", () => {
    assert.equal(plural(1, "person has", "people have"), "1 person has");
    assert.equal(plural(2, "person has", "people have"), "2 people have");
    assert.equal(plural(0, "answer"), "0 answers");
    assert.equal(plural(1, "answer"), "1 answer");
    assert.equal(plural(3, "audit entry", "audit entries"), "3 audit entries");
  });
});
