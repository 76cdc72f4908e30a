import type { TurnContext } from "botbuilder";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import type { Ports } from "../app/botServices";
import { getCurrentAssessment, type AssessmentPorts } from "../app/currentAssessment";
import { turnLogger } from "../app/correlationMiddleware";
import { replyWithNotice } from "./replies";
import type { LifecycleEvent } from "./lifecycleEvent";

type Event<K extends LifecycleEvent["kind"]> = Extract<LifecycleEvent, { kind: K }>;

/** Remembering chats, marking channels lost or found (audited) and telling the coordinators. */
export type LifecyclePorts = AssessmentPorts & Ports<"logger" | "notify", "assignments" | "conversations">;

/** Acts on an installation or conversation event (see readLifecycleEvent for which is which). */
export async function handleLifecycleEvent(
  services: LifecyclePorts,
  turn: TurnContext,
  event: LifecycleEvent,
): Promise<void> {
  switch (event.kind) {
    case "addedToTeam":
      await restoreTeamChannels(services, event);
      return welcomeTeam(turn);
    case "installedForPerson":
      return welcomePerson(services, turn, event);
    case "removedFromTeam":
      return loseChannels(
        services,
        turn,
        event,
        (assignment) => assignment.channel.teamId === event.teamId,
        "the app was removed from its team",
      );
    case "channelDeleted":
      return loseChannels(
        services,
        turn,
        event,
        (assignment) => assignment.channel.channelId === event.channelId,
        "its channel was deleted",
      );
    case "channelRenamed":
      return renameChannel(services, event);
    case "nothingToDo":
      return;
  }
}

/** The conversation of a team's install event is its General channel: the welcome goes there as a new post. */
async function welcomeTeam(turn: TurnContext): Promise<void> {
  await replyWithNotice(turn, {
    title: "Hello — I run the Leaving Care Services Self-Assessment",
    lines: [
      "I post each statement of the Baker & Dixon framework to the working group that owns its area, collect ratings, evidence and ideas, and help leads moderate and the coordinator compile the result.",
      "The coordinator starts in each working group's channel: **@Self-Assessment assign** gives that channel its area(s) and lead(s).",
      "Type **@Self-Assessment help** in any channel, or **help** in a chat with me, to see what you can do there.",
    ],
  });
}

/** Keeps the 1:1 chat's reference so digests reach leads and the coordinator who never wrote first. */
async function welcomePerson(
  services: LifecyclePorts,
  turn: TurnContext,
  event: Event<"installedForPerson">,
): Promise<void> {
  await services.storage.conversations.saveUser(event.aadObjectId, {
    serviceUrl: event.serviceUrl,
    conversationId: event.conversationId,
    tenantId: event.tenantId,
    botId: event.botId,
    userId: event.teamsUserId,
  });
  if (!event.welcome) return;
  await replyWithNotice(turn, {
    title: "Hello — I run the Leaving Care Services Self-Assessment",
    lines: [
      "Leads get their moderation digest here, and the coordinator gets progress and the compiled documents.",
      "Type **help** to see what you can do.",
    ],
  });
}

/**
 * Stops posting to channels Teams no longer lets the bot reach, keeps every answer (they belong to
 * the area), and tells the coordinator(s) which areas need a new channel. Marking is idempotent:
 * Teams may send both a conversationUpdate and an installationUpdate for one removal.
 */
async function loseChannels(
  services: LifecyclePorts,
  turn: TurnContext,
  event: Event<"removedFromTeam" | "channelDeleted">,
  lost: (assignment: AreaAssignment) => boolean,
  why: string,
): Promise<void> {
  const assessment = await getCurrentAssessment(services, event.tenantId);
  const at = services.clock().toISOString();
  const newlyLost: AreaAssignment[] = [];
  for (const assignment of await services.storage.assignments.list(assessment.id)) {
    if (!lost(assignment) || assignment.channel.lostAt) continue;
    const outcome = await services.storage.assignments.updateWith(assessment.id, assignment.areaNumber, (current) =>
      current && lost(current) && !current.channel.lostAt
        ? { ...current, channel: { ...current.channel, lostAt: at } }
        : undefined,
    );
    if (outcome.written) newlyLost.push(assignment);
  }
  if (newlyLost.length === 0) return;
  turnLogger(turn, services.logger).info(
    { areas: newlyLost.map((assignment) => assignment.areaNumber), event: event.kind },
    "areas lost their channel",
  );
  const lines = [
    ...newlyLost.map(
      (assignment) => `Area ${assignment.areaNumber} (${assignment.channel.channelName || "its channel"}): ${why}.`,
    ),
    "Every answer is kept. Type **assign** in the channel that should take each area over.",
  ];
  for (const coordinator of services.config.coordinatorAadIds) {
    const chat = await services.storage.conversations.getUser(coordinator);
    if (chat) await services.notify(chat, { title: "Areas without a channel", lines, tone: "warning" });
  }
}

/** The app added back to a team its areas lost: its channels are used again (a deleted channel never comes back under its id). */
async function restoreTeamChannels(services: LifecyclePorts, event: Event<"addedToTeam">): Promise<void> {
  const assessment = await getCurrentAssessment(services, event.tenantId);
  for (const assignment of await services.storage.assignments.list(assessment.id)) {
    if (assignment.channel.teamId !== event.teamId || !assignment.channel.lostAt) continue;
    await services.storage.assignments.updateWith(assessment.id, assignment.areaNumber, (current) =>
      current?.channel.teamId === event.teamId && current.channel.lostAt
        ? { ...current, channel: withoutLostAt(current.channel) }
        : undefined,
    );
  }
}

function withoutLostAt(channel: AreaAssignment["channel"]): AreaAssignment["channel"] {
  const { lostAt: _lostAt, ...rest } = channel;
  return rest;
}

/** Channels are keyed by id, so a rename only refreshes the name shown in status and the assign form. */
async function renameChannel(services: LifecyclePorts, event: Event<"channelRenamed">): Promise<void> {
  const assessment = await getCurrentAssessment(services, event.tenantId);
  for (const assignment of await services.storage.assignments.listForChannel(assessment.id, event.channelId)) {
    await services.storage.assignments.updateWith(assessment.id, assignment.areaNumber, (current) =>
      current && current.channel.channelId === event.channelId
        ? { ...current, channel: { ...current.channel, channelName: event.channelName } }
        : undefined,
    );
  }
}
