import assert from "node:assert/strict";
import { buildMemberDirectory } from "../../../assessment/compile/memberDirectory";
import { duplicateKey, mergeComments } from "../../../assessment/compile/mergeComments";
import { person } from "./compileTestRecords";

const directory = (mode: "names" | "anonymous") =>
  buildMemberDirectory(
    [3, 1, 2].map((member) => ({ person: person(member, `Name ${member}`), at: "2025-03-01T00:00:00.000Z" })),
    mode,
  );

describe("mergeComments", () => {
  it("drops blanks, merges case and spacing variants, and lists the most shared first", () => {
    const comments = [
      { text: "Pathway audit", aadObjectId: person(3).aadObjectId },
      { text: "  ", aadObjectId: person(1).aadObjectId },
      { text: "Forum minutes", aadObjectId: person(1).aadObjectId },
      { text: "PATHWAY   audit", aadObjectId: person(2).aadObjectId },
    ];
    assert.deepEqual(mergeComments(comments, directory("names")), [
      { text: "PATHWAY   audit", attribution: ["Name 2", "Name 3"] },
      { text: "Forum minutes", attribution: ["Name 1"] },
    ]);
  });

  it("numbers members by id, not by who wrote first", () => {
    const comments = [{ text: "x", aadObjectId: person(3).aadObjectId }];
    assert.deepEqual(mergeComments(comments, directory("anonymous")), [{ text: "x", attribution: ["Member 3"] }]);
  });

  it("treats composed and decomposed accents as the same text", () => {
    assert.equal(
      duplicateKey("Caf\u00e9 drop-in"),
      duplicateKey("CAFE\u0301  drop-in".replace("CAFE\u0301", "Cafe\u0301")),
    );
  });

  it("uses the name on a member's newest record and numbers nameless members", () => {
    const members = buildMemberDirectory(
      [
        { person: person(1, "Old Name"), at: "2025-03-01T00:00:00.000Z" },
        { person: person(1, "New Name"), at: "2025-03-05T00:00:00.000Z" },
        { person: person(2, " "), at: "2025-03-01T00:00:00.000Z" },
      ],
      "names",
    );
    assert.equal(members.label(person(1).aadObjectId), "New Name");
    assert.equal(members.label(person(2).aadObjectId), "Member 2");
  });
});
