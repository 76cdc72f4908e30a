import assert from "node:assert/strict";
import { parseDetails } from "../../bot/commands/commandArguments";
import { mentionedAccounts, textWithoutMentions } from "../../bot/teams/mentions";
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
    assert.deepEqual(
      parseDetails("name=Anytown  Council\ndeadline=2026-12-18 tz=Europe/London how= roles=Leaving care, housing"),
      {
        ok: true,
        details: {
          name: "Anytown  Council",
          deadline: "2026-12-18",
          tz: "Europe/London",
          how: "",
          roles: "Leaving care, housing",
        },
      },
    );
    assert.deepEqual(parseDetails(`how=a${" ".repeat(1_990)}b`), {
      ok: true,
      details: { how: `a${" ".repeat(1_990)}b` },
    });
  });

  it("strips mentions from a 65,000-character message of unclosed <at openings", () => {
    for (let attempt = 0; attempt < 3; attempt++)
      assert.equal(textWithoutMentions("<at x".repeat(13_000)), "<at x".repeat(13_000));
  });

  it("still removes each <at>…</at>, case-insensitively, and nothing else", () => {
    assert.equal(
      textWithoutMentions("<at>Self-Assessment</at> assign 7 <AT id='1'>Lee Lead</AT>&nbsp;<at>Sam"),
      "assign 7 <at>Sam",
    );
    assert.equal(textWithoutMentions("a <at>x</at> b <at>y</at>"), "a b");
  });

  it("ignores `entities` that is not an array, and mentions whose id or name no stored person could hold", () => {
    const base = { recipient: { id: "28:bot", name: "Bot" } } as Partial<Activity>;
    assert.deepEqual(mentionedAccounts({ ...base, entities: 0 as unknown as Activity["entities"] }, ["28:bot"]), []);
    const mention = (id: string, name = "Sam") => ({ type: "mention", mentioned: { id, name } });
    const accounts = mentionedAccounts(
      { ...base, entities: [mention("a".repeat(513)), mention("29:b", "n".repeat(257)), mention("29:c")] },
      ["28:bot"],
    );
    assert.deepEqual(accounts, [{ id: "29:c", name: "Sam" }]);
  });

  it("skips the mention addressing the bot once; a second mention of the bot is an argument", () => {
    const bot = { type: "mention", mentioned: { id: "28:bot", name: "Bot" } };
    const accounts = mentionedAccounts(
      { entities: [bot, { type: "mention", mentioned: { id: "29:s", name: "Sam" } }, bot] },
      ["28:bot"],
    );
    assert.deepEqual(accounts, [
      { id: "29:s", name: "Sam" },
      { id: "28:bot", name: "Bot" },
    ]);
  });
});
