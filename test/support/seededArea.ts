import assert from "node:assert/strict";
import { assignArea, type GroupScenario } from "./groupScenario";
import { personalMessage } from "../../simulator/teams/teamsActivities";

/** Words only the lead wrote: if they turn up anywhere after `forget` or retention, a copy was missed. */
export const LEAD_EVIDENCE = "Lee checked Jordan Quigley's pathway plan at the foyer";
export const LEAD_IDEAS = "Ask Jordan Quigley's social worker for a housing panel";
export const LEAD_RATIONALE = "Most of the group rated 3 after the foyer visit";

/**
 * Area 7 with its cards posted: the lead answers 7a and 7b (evidence above), gives a global score
 * and records the agreed rating for 7a from their personal chat; every member answers 7a and 7b.
 */
export async function seedArea7(scenario: GroupScenario): Promise<void> {
  const { harness, lead, members, assessmentId } = scenario;
  await assignArea(scenario, 7);
  await scenario.say(scenario.coordinator, "start 7");
  await harness.app.idle();
  const saved = await scenario.answer(lead, 7, "7a", { rating: "3", evidence: LEAD_EVIDENCE, ideas: LEAD_IDEAS });
  assert.ok(
    saved.texts.some((text) => text.includes("Your answer is saved")),
    saved.texts.join("\n"),
  );
  await scenario.answer(lead, 7, "7b", { rating: "2", evidence: LEAD_EVIDENCE, ideas: "" });
  for (const member of members) {
    await scenario.answer(member, 7, "7a", {
      rating: "3",
      evidence: `${member.name} saw the pathway plans`,
      ideas: "",
    });
    await scenario.answer(member, 7, "7b", { rating: "2", evidence: "No housing panel yet", ideas: "" });
  }
  await scenario.act(lead, "submitGlobalScore", { assessmentId, areaNumber: "7", score: "6" });
  const decided = await scenario.act(
    lead,
    "recordDecision",
    { assessmentId, areaNumber: "7", statementId: "7a", agreed_7a: "3", rationale_7a: LEAD_RATIONALE },
    null,
  );
  assert.ok(
    decided.texts.some((text) => text.includes("recorded")),
    decided.texts.join("\n"),
  );
  // A personal message, so the bot keeps a reference to the lead's 1:1 chat (forget must drop it).
  await harness.post(personalMessage({ serviceUrl: harness.connector.url, from: lead, text: "help" }));
  await harness.app.idle();
}
