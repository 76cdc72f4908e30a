import assert from "node:assert/strict";
import { parseDetails } from "../../bot/commands/commandArguments";
import { mentionedPeople, textWithoutMentions } from "../../bot/teams/mentionedPeople";
import type { Activity } from "botbuilder";

/**
 * Inputs fuzzing found, at the parsing boundary. The two long-text cases backtracked quadratically
 * before (15 s and 2 s per call on this machine), so with the old regexes this file runs past
 * mocha's timeout; the assertions themselves are about what is parsed, not how fast.
 */
describe("parsing regressions found by fuzzing", () => {
  it("reads details from one 66,000-character word without key= as nothing to set", () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const parsed = parseDetails("x".repeat(66_000));
      assert.equal(parsed.ok, false);
    }
  });

  it("still reads details values up to the next key=, across blanks and line breaks", () => {
    assert.deepEqual(parseDetails("name=Anytown  Council\ndeadline=2026-12-18 tz=Europe/London how= roles=Leaving care, housing"), {
      ok: true,
      details: { name: "Anytown  Council", deadline: "2026-12-18", tz: "Europe/London", how: "", roles: "Leaving care, housing" },
    });
    assert.deepEqual(parseDetails(`how=a${" ".repeat(1_990)}b`), { ok: true, details: { how: `a${" ".repeat(1_990)}b` } });
  });

  it("strips mentions from a 65,000-character message of unclosed <at openings", () => {
    for (let attempt = 0; attempt < 3; attempt++) assert.equal(textWithoutMentions("<at x".repeat(13_000)), "<at x".repeat(13_000));
  });

  it("still removes each <at>…</at>, case-insensitively, and nothing else", () => {
    assert.equal(textWithoutMentions("<at>Self-Assessment</at> assign 7 <AT id='1'>Lee Lead</AT>&nbsp;<at>Sam"), "assign 7 <at>Sam");
    assert.equal(textWithoutMentions("a <at>x</at> b <at>y</at>"), "a b");
  });

  it("ignores `entities` that is not an array, and mentions that could not be stored as a person", () => {
    const base = { recipient: { id: "28:bot", name: "Bot" } } as Partial<Activity>;
    assert.deepEqual(mentionedPeople({ ...base, entities: 0 as unknown as Activity["entities"] }, "28:bot"), []);
    const mention = (aadObjectId: string, name = "Sam") => ({ type: "mention", mentioned: { id: `29:${aadObjectId.slice(0, 8)}`, name, aadObjectId } });
    const people = mentionedPeople({ ...base, entities: [mention("a".repeat(129)), mention("b".repeat(36), "n".repeat(257)), mention("C".repeat(36))] }, "28:bot");
    assert.deepEqual(people, [{ aadObjectId: "c".repeat(36), teamsUserId: `29:${"C".repeat(8)}`, name: "Sam" }]);
  });
});
