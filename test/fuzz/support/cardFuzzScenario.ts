import { startGroupScenario, assignArea, type GroupScenario } from "../../support/groupScenario";
import { makeChannel, type TeamsChannel } from "../../../simulator/teams/teamsActivities";
import type { TeamsPerson } from "../../../simulator/teams/people";
import { cardActionTemplates, type CardActionTemplate } from "./cardActionTemplates";
import type { FuzzedCardAction } from "../arbitraries/fuzzedCardAction";

/** Verbs a lead uses from the digest in their personal chat; every other verb is used in the group's channel. */
const MODERATION_VERBS = new Set(["recordDecision", "recordGlobalDecision", "acceptModalRatings"]);

export const FUZZ_AREA = 7;

export interface CardFuzzScenario {
  scenario: GroupScenario;
  templates: CardActionTemplate[];
  otherChannel: TeamsChannel;
}

/**
 * Area 7 assigned, its statement cards posted and its digest sent to the lead: the cards whose
 * actions the fuzzer starts from, as Teams would have them.
 */
export async function startCardFuzzScenario(): Promise<CardFuzzScenario> {
  const scenario = await startGroupScenario({ memberCount: 3 });
  await assignArea(scenario, FUZZ_AREA);
  await scenario.say(scenario.lead, `start ${FUZZ_AREA}`);
  await scenario.harness.app.idle();
  await scenario.say(scenario.lead, `digest ${FUZZ_AREA}`);
  await scenario.harness.app.idle();
  const templates = cardActionTemplates(scenario.harness.connector.postedCards().map((posted) => posted.card));
  return { scenario, templates, otherChannel: makeChannel("Another working group") };
}

/** Who acts, and where: entitled people act where they would; outsiders from the wrong place. */
export function actorFor(
  fuzz: CardFuzzScenario,
  action: FuzzedCardAction,
  memberIndex: number,
): { person: TeamsPerson; channel: TeamsChannel | null } {
  const { scenario } = fuzz;
  const member = scenario.members[memberIndex % scenario.members.length] ?? scenario.lead;
  const moderation = action.kind === "payload" && MODERATION_VERBS.has(action.verb);
  if (moderation)
    return action.sender === "home" ? { person: scenario.lead, channel: null } : { person: member, channel: null };
  return { person: member, channel: action.sender === "home" ? scenario.channel : fuzz.otherChannel };
}
