import assert from "node:assert/strict";
import { assignArea, cardTexts, startGroupScenario, type GroupScenario } from "../support/groupScenario";
import { personalMessage } from "../../simulator/teams/teamsActivities";
import type { TeamsPerson } from "../../simulator/teams/people";
import { defined } from "../support/defined";

/**
 * What people read on cards: times in the assessment's time zone in UK form, never "UTC", and
 * counts whose words agree with the number. 16:08 UTC on 7 July is 17:08 in London (BST) and
 * 12:08 in New York (EDT), so a time printed in the wrong zone cannot pass.
 */
const NOW = new Date("2025-07-07T16:08:00Z");

describe("dates and counts on cards, over HTTP", () => {
  let scenario: GroupScenario;
  beforeEach(async () => {
    scenario = await startGroupScenario({ appOptions: { clock: () => NOW } });
  });
  afterEach(async () => {
    await scenario.harness.close();
  });

  const sayPersonally = (from: TeamsPerson, text: string) =>
    scenario.harness.post(personalMessage({ serviceUrl: scenario.harness.connector.url, from, text }));
  const newCardTexts = (since: number) =>
    scenario.harness.connector
      .postedCards()
      .slice(since)
      .flatMap((entry) => cardTexts(entry.card));

  it("shows when an answer was saved in the assessment's time zone, and counts 1 person then 2 people", async () => {
    await assignArea(scenario, 7);
    const [first, second] = scenario.members;
    const one = await scenario.answer(defined(first), 7, "7a", { rating: "3", evidence: "Seen in audit", ideas: "" });
    assert.ok(
      one.texts.some((text) => text.includes("Your answer is saved (7 Jul 2025, 17:08). You can change")),
      one.texts.join("\n"),
    );
    assert.ok(
      one.texts.some((text) => text.startsWith("1 person has answered.")),
      one.texts.join("\n"),
    );
    const two = await scenario.answer(defined(second), 7, "7a", { rating: "3", evidence: "Seen in audit", ideas: "" });
    assert.ok(
      two.texts.some((text) => text.startsWith("2 people have answered.")),
      two.texts.join("\n"),
    );
    assert.ok(![...one.texts, ...two.texts].some((text) => text.includes("UTC")));

    await scenario.say(scenario.lead, "status");
    const status = newCardTexts(0).join("\n");
    // In the channel the count is out of the roster (the lead and three members).
    assert.match(status, /2 of 4 members have answered; 0 gave a global score/);
  });

  it("follows the time zone set with details, and writes the deadline and the compile time the UK way", async () => {
    let since = scenario.harness.connector.postedCards().length;
    await sayPersonally(scenario.coordinator, "details name=Anytown Council deadline=2025-12-18 tz=America/New_York");
    assert.ok(newCardTexts(since).includes("18 December 2025"), newCardTexts(since).join("\n"));

    await assignArea(scenario, 7);
    const saved = await scenario.answer(defined(scenario.members[0]), 7, "7a", {
      rating: "4",
      evidence: "Pathway plans reviewed",
      ideas: "",
    });
    assert.ok(
      saved.texts.some((text) => text.includes("(7 Jul 2025, 12:08)")),
      saved.texts.join("\n"),
    );

    since = scenario.harness.connector.postedCards().length;
    await sayPersonally(scenario.coordinator, "compile");
    const compiled = newCardTexts(since);
    assert.ok(
      compiled.some((text) => text.endsWith("compiled 7 Jul 2025, 12:08")),
      compiled.join("\n"),
    );
    assert.ok(
      compiled.some((text) => text.includes("expire in 60 minutes")),
      compiled.join("\n"),
    );
    assert.ok(!compiled.some((text) => text.includes("UTC")), compiled.join("\n"));
  });
});
