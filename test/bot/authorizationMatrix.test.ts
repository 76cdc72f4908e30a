import assert from "node:assert/strict";
import { startGroupScenario, assignArea, type GroupScenario } from "../support/groupScenario";
import { tableSnapshot } from "../support/tableSnapshot";
import { makeChannel, personalMessage, TENANT_ID, type TeamsChannel } from "../../simulator/teams/teamsActivities";
import { makePerson, type TeamsPerson } from "../../simulator/teams/people";
import { cardsOf } from "../../simulator/teams/connectorStandIn";
import { AUTHORIZATION_MATRIX, isAllowed, whoMay, type Operation } from "../../assessment/roles/authorizationMatrix";
import type { Role } from "../../assessment/roles/role";
import { COMMANDS } from "../../bot/commands/commandCatalogue";
import { CARD_VERBS } from "../../bot/actions/cardVerbs";
import { defined } from "../support/defined";

/**
 * Walks EVERY operation of AUTHORIZATION_MATRIX, for every kind of caller, through the HTTP
 * interface, and checks the bot allows exactly what the table says for the roles that caller holds
 * where they act. The expected roles are worked out here, independently of assessment/roles/resolveRoles,
 * so a handler that forgets its check, or a table change the code doesn't follow, fails the walk.
 */

const AREA = 7;
const OTHER_AREA = 8;
/** Assigned by the allowed assignAreas case: a free area, so the walk's other cases don't depend on it. */
const SPARE_AREA = 9;

type CallerKind =
  | "coordinator"
  | "lead of this group"
  | "member of this channel"
  | "lead of another group"
  | "member of another channel"
  | "stranger";
const CALLERS: readonly CallerKind[] = [
  "coordinator",
  "lead of this group",
  "member of this channel",
  "lead of another group",
  "member of another channel",
  "stranger",
];
type Place = "channel" | "personal" | "groupChat";

/** The roles the framework's rules give this caller for area 7, acting from their channel or personal chat. */
function expectedRoles(kind: CallerKind, place: Place): Role[] {
  const roles: Role[] = ["anyone"];
  if (kind === "coordinator") roles.push("coordinator");
  // The coordinator, the lead and the member all sit in area 7's channel; the others in other channels.
  const inAreaChannel =
    place === "channel" && ["coordinator", "lead of this group", "member of this channel"].includes(kind);
  if (inAreaChannel) roles.push("member");
  if (kind === "lead of this group" && (inAreaChannel || place === "personal")) roles.push("lead");
  return roles;
}

const COMMAND_NAMES: ReadonlySet<string> = new Set(COMMANDS.map((command) => command.name));
const CARD_VERB_NAMES: ReadonlySet<string> = new Set(CARD_VERBS);

/** The command text for area 7 (named explicitly, so every caller targets the same area). */
const AREA_COMMAND_TEXT: Partial<Record<Operation, string>> = {
  assign: `assign ${AREA}`,
  details: "details name=Walkshire",
  start: `start ${AREA}`,
  status: `status ${AREA}`,
  remind: `remind ${AREA}`,
  close: `close ${AREA}`,
  reopen: `reopen ${AREA}`,
  digest: `digest ${AREA}`,
  youngpeople: `youngpeople ${AREA}=6`,
  actions: `actions ${AREA}`,
  participation: "participation none",
};

/** Agreed at 2 by area 7's members, so the action plan has an action in area 7 to set. */
const ACTION_STATEMENT = "7b";

/** A group chat the bot was added to: no team, no channel, so nobody holds a group role there. */
const GROUP_CHAT = {
  id: "19:walk-group-chat@thread.v2",
  conversationType: "groupChat",
  isGroup: true,
  tenantId: TENANT_ID,
};

/** Digest cards are answered from the personal chat they arrive in; statement cards from a channel. */
const DIGEST_VERBS: ReadonlySet<Operation> = new Set([
  "recordDecision",
  "acceptModalRatings",
  "recordGlobalDecision",
  "sendBack",
]);
const DIALOG_VERBS: ReadonlySet<Operation> = new Set(["assignAreas", "confirmReassign"]);

/** What each verb's inputs add to the card's own action data (Teams merges inputs into data). */
const VERB_INPUTS: Partial<Record<Operation, Record<string, string>>> = {
  submitAnswer: { rating: "3", evidence: "Walk evidence", ideas: "" },
  submitGlobalScore: { score: "6" },
  recordDecision: { agreed_7a: "3", rationale_7a: "" },
  recordGlobalDecision: { agreedGlobalScore: "6", globalRationale: "" },
  assignAreas: { areas: String(SPARE_AREA) },
  recordYoungPeopleScores: { [`youngPeople_${AREA}`]: "6", source: "Walk" },
  updateActionItem: {
    [`owner_${ACTION_STATEMENT}`]: "",
    [`due_${ACTION_STATEMENT}`]: "2027-01-31",
    [`status_${ACTION_STATEMENT}`]: "On track",
  },
};
/** Input values only known once the people exist. */
const leadInput = (scenario: GroupScenario): Record<string, string> => ({ leads: scenario.lead.aadObjectId });

/** Any turn may save dialog state and remember the conversation it came from; nothing else may change on a refusal. */
const UNTOUCHED_BY_REFUSALS_EXCEPT = ["botState", "conversations"] as const;

/** Phrases of a handler that took the request but could not act: an allowed case must not show them. */
const FAILURE_PHRASES = [
  "was not saved",
  "not recorded",
  "Nothing was recorded",
  "Nothing was erased",
  "I can't show",
  "Something needs attention",
  "Which area?",
  "Check the area number",
  "Whose data",
  "went wrong",
];

describe("authorization matrix, walked over HTTP", function () {
  this.timeout(60_000);
  let scenario: GroupScenario;
  let places: Record<CallerKind, { person: TeamsPerson; channel: TeamsChannel }>;

  before(async () => {
    scenario = await startGroupScenario();
    const member = defined(scenario.members[0]);
    const otherLead = makePerson("Olu Other-Lead");
    const otherMember = makePerson("Oona Other-Member");
    const otherChannel = makeChannel("Health working group");
    places = {
      coordinator: { person: scenario.coordinator, channel: scenario.channel },
      "lead of this group": { person: scenario.lead, channel: scenario.channel },
      "member of this channel": { person: member, channel: scenario.channel },
      "lead of another group": { person: otherLead, channel: otherChannel },
      "member of another channel": { person: otherMember, channel: otherChannel },
      stranger: { person: makePerson("Sam Stranger"), channel: makeChannel("Unassigned channel") },
    };
    scenario.harness.connector.roster.push(otherLead, otherMember);
    await assignArea(scenario, AREA);
    assert.equal(
      (await scenario.say(scenario.coordinator, `assign ${OTHER_AREA}`, [otherLead], otherChannel)).status,
      200,
    );
    // Answers in both areas: the digest has something to moderate, and moving area 8 needs confirming.
    // 7a is a disagreement (1 against 4s), so the digest offers to send it back for a second round.
    for (const [index, person] of scenario.members.entries())
      await scenario.answer(person, AREA, "7a", {
        rating: index === 0 ? "1" : "4",
        evidence: "Seen in audit",
        ideas: "",
      });
    const otherAnswer = {
      assessmentId: scenario.assessmentId,
      areaNumber: String(OTHER_AREA),
      statementId: "8a",
      rating: "2",
      evidence: "Seen",
      ideas: "",
    };
    assert.ok(
      (await scenario.act(otherMember, "submitAnswer", otherAnswer, otherChannel)).texts.some((text) =>
        text.includes("Your answer is saved"),
      ),
    );
    // The cards the walk will press: statement cards in the channel, the digest in the lead's chat.
    await scenario.say(scenario.lead, `start ${AREA}`);
    await scenario.say(scenario.lead, `digest ${AREA}`);
    // After the digest, so its cards stay as they were: 7b becomes an action of the plan.
    for (const person of scenario.members)
      await scenario.answer(person, AREA, ACTION_STATEMENT, { rating: "2", evidence: "Not yet", ideas: "" });
    await scenario.harness.app.idle();
    // The re-rating card in 7a's thread, for the second round's verbs.
    const sentBack = await scenario.act(
      scenario.lead,
      "sendBack",
      { assessmentId: scenario.assessmentId, areaNumber: String(AREA), statementId: "7a" },
      null,
    );
    assert.ok(
      sentBack.texts.some((text) => text.includes("Sent back: 7a")),
      sentBack.texts.join("\n"),
    );
    await scenario.harness.app.idle();
  });
  after(async () => scenario.harness.close());

  /** The data of the latest Action.Execute with this verb on a card the bot really sent (7a where it names a statement). */
  function postedActionData(verb: string): Record<string, unknown> {
    for (const entry of [...scenario.harness.connector.recorded].reverse()) {
      for (const card of cardsOf(entry.activity)) {
        const found = findAction(card, verb);
        if (found) return found;
      }
    }
    throw new Error(`no card the bot sent has an Action.Execute with verb ${verb}`);
  }

  function repliesSince(index: number): string {
    return JSON.stringify(scenario.harness.connector.recorded.slice(index).map((entry) => entry.activity));
  }

  async function runCommand(operation: Operation, kind: CallerKind, place: Place): Promise<string> {
    const { person, channel } = places[kind];
    const text = commandText(operation);
    const index = scenario.harness.connector.recorded.length;
    const mentions = operation === "assign" ? [scenario.lead] : [];
    const direct = personalMessage({ serviceUrl: scenario.harness.connector.url, from: person, text });
    const response =
      place === "channel"
        ? await scenario.say(person, text, mentions, channel)
        : await scenario.harness.post(place === "personal" ? direct : { ...direct, conversation: GROUP_CHAT });
    assert.equal(response.status, 200);
    await scenario.harness.app.idle();
    return repliesSince(index);
  }

  async function pressCard(operation: Operation, kind: CallerKind): Promise<string> {
    const { person, channel } = places[kind];
    await prepareCard(operation, channel);
    // "Keep my rating" is only on a member's own view of the re-rating card (an invoke answer, not a
    // card the bot sent): its data is the shared card's refresh data and the choice.
    const posted =
      operation === "submitReRating"
        ? { ...postedActionData("showReRating"), choice: "confirm" }
        : postedActionData(operation);
    // Without the digest's `replacing`: every allowed caller here presses the same card one after the
    // other, so the guard against overwriting a decision unseen (digestModeration.test.ts) would refuse
    // all but the first; this walk is about who may, not about that guard.
    const { replacing: _shownDecision, ...unguarded } = posted;
    const data = {
      ...unguarded,
      ...VERB_INPUTS[operation],
      ...(operation === "assignAreas" ? leadInput(scenario) : {}),
    };
    const from = DIGEST_VERBS.has(operation) ? null : channel;
    const result = await scenario.act(person, operation, data, from);
    assert.equal(result.status, 200);
    await scenario.harness.app.idle();
    return JSON.stringify(result.card ?? {});
  }

  /** Area commands name area 7; the data-protection commands name a person by Entra object id. */
  function commandText(operation: Operation): string {
    const subject = places["member of another channel"].person.aadObjectId;
    const texts: Partial<Record<Operation, string>> = {
      ...AREA_COMMAND_TEXT,
      export: `export ${subject}`,
      forget: `forget ${subject}`,
    };
    return texts[operation] ?? operation;
  }

  /**
   * Cards that answer a conversation the coordinator started: the assignment verbs continue a dialog
   * in that thread (opened where the caller will press, so the case tests who presses, not whether a
   * dialog happens to be open); confirmForget answers the card `forget` sends the coordinator.
   */
  async function prepareCard(operation: Operation, channel: TeamsChannel): Promise<void> {
    if (DIALOG_VERBS.has(operation)) await openDialogAt(operation, channel);
    if (operation === "recordYoungPeopleScores")
      assert.equal((await scenario.say(scenario.coordinator, "youngpeople", [], channel)).status, 200);
    if (operation === "updateActionItem")
      assert.equal((await scenario.say(scenario.coordinator, `actions ${AREA}`, [], channel)).status, 200);
    if (operation === "confirmForget") {
      const forget = personalMessage({
        serviceUrl: scenario.harness.connector.url,
        from: scenario.coordinator,
        text: commandText("forget"),
      });
      assert.equal((await scenario.harness.post(forget)).status, 200);
    }
  }

  async function openDialogAt(operation: Operation, channel: TeamsChannel): Promise<void> {
    // A confirmation is only asked when moving an area with answers from another channel to this one.
    const areaElsewhere = channel.channelId === places["lead of another group"].channel.channelId ? AREA : OTHER_AREA;
    const text = operation === "confirmReassign" ? `assign ${areaElsewhere}` : "assign";
    const mentions = operation === "confirmReassign" ? [scenario.lead] : [];
    assert.equal((await scenario.say(scenario.coordinator, text, mentions, channel)).status, 200);
  }

  function casesFor(operation: Operation): Array<{ kind: CallerKind; place: Place }> {
    const wheres: Place[] = COMMAND_NAMES.has(operation)
      ? (COMMANDS.find((command) => command.name === operation)?.scopes ?? []).flatMap((scope): Place[] =>
          scope === "team" ? ["channel"] : [scope],
        )
      : [DIGEST_VERBS.has(operation) ? "personal" : "channel"];
    const cases = wheres.flatMap((place) => CALLERS.map((kind) => ({ kind, place })));
    // Refusals first: an allowed case may change state (close, assign) that a later refusal must not depend on.
    return [
      ...cases.filter((c) => !isAllowed(operation, expectedRoles(c.kind, c.place))),
      ...cases.filter((c) => isAllowed(operation, expectedRoles(c.kind, c.place))),
    ];
  }

  for (const operation of Object.keys(AUTHORIZATION_MATRIX) as Operation[]) {
    it(`${operation}: allowed exactly for ${AUTHORIZATION_MATRIX[operation].join(", ")}`, async () => {
      const isCommand = COMMAND_NAMES.has(operation);
      assert.ok(
        isCommand || CARD_VERB_NAMES.has(operation),
        `"${operation}" is in AUTHORIZATION_MATRIX but is neither a command in commandCatalogue.ts nor a card verb in actionContext.ts: add its handler`,
      );
      // Refusals run first and change nothing, so one snapshot taken before them is every refusal's "before".
      const beforeRefusals = await tableSnapshot(scenario.harness.tablePrefix, UNTOUCHED_BY_REFUSALS_EXCEPT);
      for (const { kind, place } of casesFor(operation)) {
        const allowed = isAllowed(operation, expectedRoles(kind, place));
        const shown = isCommand ? await runCommand(operation, kind, place) : await pressCard(operation, kind);
        const label = `${operation} by ${kind} (${place}) should be ${allowed ? "allowed" : "refused"}`;
        const refused = shown.includes(`Only ${whoMay(operation)}`);
        if (allowed) {
          assert.ok(!refused, `${label}, but it was refused — ${shown.slice(0, 400)}`);
          const failure = FAILURE_PHRASES.find((phrase) => shown.includes(phrase));
          assert.equal(failure, undefined, `${label}, but it did not go through — ${shown.slice(0, 400)}`);
        } else {
          assert.ok(refused, `${label}, but no refusal naming who may was shown — ${shown.slice(0, 400)}`);
          assert.deepEqual(
            await tableSnapshot(scenario.harness.tablePrefix, UNTOUCHED_BY_REFUSALS_EXCEPT),
            beforeRefusals,
            `${label}, but storage changed`,
          );
        }
      }
    });
  }
});

function findAction(node: unknown, verb: string): Record<string, unknown> | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findAction(item, verb);
      if (found) return found;
    }
    return undefined;
  }
  if (!node || typeof node !== "object") return undefined;
  const record = node as Record<string, unknown>;
  const data = record["data"] as Record<string, unknown> | undefined;
  const wanted = verb === "updateActionItem" ? [ACTION_STATEMENT] : ["7a", "global"];
  const namesOtherStatement = typeof data?.["statementId"] === "string" && !wanted.includes(data["statementId"]);
  if (record["type"] === "Action.Execute" && record["verb"] === verb && !namesOtherStatement) return { ...data };
  return findAction(Object.values(record), verb);
}
