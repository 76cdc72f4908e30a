import assert from "node:assert/strict";
import { startBotHarness, type BotHarness, type HarnessOptions } from "./botHarness";
import { makePeople, makePerson, type TeamsPerson } from "../../simulator/teams/people";
import {
  cardAction,
  channelMessage,
  makeChannel,
  type MentionedAccount,
  type TeamsChannel,
} from "../../simulator/teams/teamsActivities";
import { firstAssessmentId } from "../../bot/app/currentAssessment";
import { TENANT_ID } from "../../simulator/teams/teamsActivities";

/**
 * A working group ready to use: coordinator, lead and members in one channel, the bot running
 * against Azurite, and helpers that speak to it over HTTP as Teams would.
 */
export interface GroupScenario {
  harness: BotHarness;
  coordinator: TeamsPerson;
  lead: TeamsPerson;
  members: TeamsPerson[];
  channel: TeamsChannel;
  assessmentId: string;
  /** A command typed as a new top-level post (its own conversation, as in Teams). */
  say(
    from: TeamsPerson,
    text: string,
    mentions?: MentionedAccount[],
    channel?: TeamsChannel,
  ): Promise<{ status: number; body: unknown }>;
  /** A command typed as a reply in the thread whose root post (or card) has id `rootId`. */
  reply(
    from: TeamsPerson,
    rootId: string,
    text: string,
    mentions?: MentionedAccount[],
  ): Promise<{ status: number; body: unknown }>;
  act(
    from: TeamsPerson,
    verb: string,
    data: Record<string, unknown>,
    channel?: TeamsChannel | null,
  ): Promise<InvokeResult>;
  answer(
    from: TeamsPerson,
    areaNumber: number,
    statementId: string,
    inputs: { rating?: string; evidence?: string; ideas?: string },
  ): Promise<InvokeResult>;
  /** A call to the tab's API (`path` under /tab/api) as `from`, signed in by local mode's dev identity headers. */
  tabApi(from: TeamsPerson, method: string, path: string, body?: unknown): Promise<Response>;
}

export interface InvokeResult {
  status: number;
  card: Record<string, unknown> | undefined;
  texts: string[];
}

export async function startGroupScenario(
  options: { memberCount?: number } & Pick<HarnessOptions, "env" | "tablesConnectionString" | "appOptions"> = {},
): Promise<GroupScenario> {
  const coordinator = makePerson("Chris Coordinator");
  const lead = makePerson("Lee Lead");
  const members = makePeople("Member", options.memberCount ?? 3);
  const harness = await startBotHarness({
    coordinators: [coordinator.aadObjectId],
    env: options.env,
    tablesConnectionString: options.tablesConnectionString,
    appOptions: options.appOptions,
  });
  harness.connector.roster = [lead, ...members];
  const channel = makeChannel("Housing working group");
  const serviceUrl = harness.connector.url;
  const scenario: GroupScenario = {
    harness,
    coordinator,
    lead,
    members,
    channel,
    assessmentId: firstAssessmentId(TENANT_ID),
    say: (from, text, mentions, where) =>
      harness.post(channelMessage({ serviceUrl, from, channel: where ?? channel, text, mentions })),
    reply: (from, rootId, text, mentions) =>
      harness.post(channelMessage({ serviceUrl, from, channel, text, mentions, threadId: rootId })),
    // A card pressed in a channel is in some thread of it: here one of its own, never the post that asked for it.
    act: async (from, verb, data, where) => {
      const target = where === null ? undefined : (where ?? channel);
      const response = await harness.post(cardAction({ serviceUrl, from, channel: target, verb, data }));
      return readInvoke(response);
    },
    answer: (from, areaNumber, statementId, inputs) =>
      scenario.act(from, "submitAnswer", {
        assessmentId: scenario.assessmentId,
        areaNumber: String(areaNumber),
        statementId,
        ...inputs,
      }),
    tabApi: (from, method, path, body) =>
      fetch(`${harness.url}/tab/api${path}`, {
        method,
        headers: {
          "x-dev-user": from.aadObjectId,
          "x-dev-name": encodeURIComponent(from.name),
          "x-dev-tenant": TENANT_ID,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
  return scenario;
}

export function readInvoke(response: { status: number; body: unknown }): InvokeResult {
  const body = response.body as { statusCode?: number; type?: string; value?: Record<string, unknown> } | undefined;
  const card = body?.type === "application/vnd.microsoft.card.adaptive" ? body.value : undefined;
  return { status: response.status, card, texts: card ? cardTexts(card) : [] };
}

/** Every string a person would read on a card (TextBlock texts, input labels and values, fact values). */
export function cardTexts(card: unknown): string[] {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === "string" && ["text", "title", "value", "label"].includes(key)) texts.push(value);
        else visit(value);
      }
    }
  };
  visit(card);
  return texts;
}

export function inputValue(card: Record<string, unknown> | undefined, id: string): unknown {
  let found: unknown;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (record["id"] === id && typeof record["type"] === "string" && record["type"].startsWith("Input."))
        found = record["value"];
      Object.values(record).forEach(visit);
    }
  };
  visit(card);
  return found;
}

export async function assignArea(scenario: GroupScenario, areaNumber: number): Promise<void> {
  const response = await scenario.say(scenario.coordinator, `assign ${areaNumber}`, [scenario.lead]);
  assert.equal(response.status, 200);
}
