import assert from "node:assert/strict";
import { startGroupScenario, assignArea, inputValue, type GroupScenario } from "../../support/groupScenario";
import { storageUnavailableCard } from "../../../bot/actions/storageUnavailableCard";
import { ANSWER_LIMITS } from "../../../assessment/answers/answerLimits";
import { defined } from "../../support/defined";

/** Teams' card limit, about 28 KB (Microsoft's Teams connector: https://learn.microsoft.com/connectors/teams/#known-issues-and-limitations). */
const TEAMS_CARD_MAX_BYTES = 28 * 1024;
/** Three UTF-8 bytes per character, the most a BMP character costs; JSON escapes none of them. */
const WIDE = "€";

const cardBytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card), "utf8");

/**
 * A refused submission gives back what was typed, but a forged payload can be any size: the echo is
 * cut to what the card's own inputs hold, says so, and the card stays within Teams' limit.
 */
describe("echo of refused submissions stays card-sized", function () {
  this.timeout(30_000);
  let scenario: GroupScenario;
  before(async () => {
    scenario = await startGroupScenario();
    await assignArea(scenario, 7);
  });
  after(async () => scenario.harness.close());

  it("cuts a forged 50,000-character answer to the inputs' limits, says so, and stays under 28 KB", async () => {
    const evidence = `${"\u0001".repeat(10_000)}${WIDE.repeat(50_000)}`;
    const ideas = `${"\u0007".repeat(5_000)}${WIDE.repeat(50_000)}`;
    const result = await scenario.answer(defined(scenario.members[0]), 7, "7a", {
      rating: "9".repeat(50_000),
      evidence,
      ideas,
    });
    assert.equal(result.status, 200);
    assert.ok(result.card);
    assert.ok(cardBytes(result.card) < TEAMS_CARD_MAX_BYTES, `the refusal card is ${cardBytes(result.card)} bytes`);
    assert.equal(
      inputValue(result.card, "evidence"),
      WIDE.repeat(ANSWER_LIMITS.evidenceMaxChars),
      "the evidence's start, without control characters",
    );
    assert.equal(inputValue(result.card, "ideas"), WIDE.repeat(ANSWER_LIMITS.ideasMaxChars));
    const said = result.texts.join(" ");
    assert.match(said, /Only the first 4,000 characters of your evidence are shown here/);
    assert.match(said, /Only the first 2,000 characters of your ideas are shown here/);
    assert.match(said, /Evidence is too long/);
  });

  it("gives back a refused answer within the limits whole, with no note about cutting", async () => {
    const evidence = `Panel minutes ${WIDE.repeat(ANSWER_LIMITS.evidenceMaxChars - 14)}`;
    const result = await scenario.answer(defined(scenario.members[0]), 7, "7a", {
      rating: "",
      evidence,
      ideas: "Ask the panel",
    });
    assert.ok(result.card);
    assert.equal(inputValue(result.card, "evidence"), evidence);
    assert.equal(inputValue(result.card, "ideas"), "Ask the panel");
    assert.doesNotMatch(result.texts.join(" "), /Only the first/);
  });

  it("keeps the storage-failure card under 28 KB whatever a forged payload holds, and says when it cut", () => {
    const forged = Object.fromEntries(
      Array.from({ length: 100 }, (_, index) => [`field${index}`, WIDE.repeat(12_000)]),
    );
    const card = storageUnavailableCard({ assessmentId: "a", areaNumber: "7", ...forged });
    assert.ok(cardBytes(card) < TEAMS_CARD_MAX_BYTES, `the card is ${cardBytes(card)} bytes`);
    assert.match(JSON.stringify(card), /Only the first 6,000 characters of what you entered are shown here/);
    const small = storageUnavailableCard({ assessmentId: "a", evidence: "Panel minutes", ideas: "Ask" });
    assert.match(JSON.stringify(small), /Panel minutes/);
    assert.doesNotMatch(JSON.stringify(small), /Only the first/);
  });
});
