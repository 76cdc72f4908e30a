import { z } from "zod";
import type { Activity } from "botbuilder";

/**
 * What an installation or conversation event means for the bot, read with zod from the activity
 * Teams sends. Shapes: "Conversation events in your Teams bot" (conversationUpdate with
 * channelData.eventType teamMemberAdded / teamMemberRemoved / teamRenamed / channelRenamed /
 * channelDeleted; the bot itself in membersAdded/membersRemoved when it is the one added or removed)
 * and its "Installation update event" section (installationUpdate, action "add" / "remove").
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events
 */
const accountSchema = z.object({ id: z.string().min(1) });
const lifecycleSchema = z.object({
  type: z.enum(["conversationUpdate", "installationUpdate"]),
  action: z.string().optional(),
  serviceUrl: z.url(),
  recipient: accountSchema,
  from: z.object({ id: z.string().min(1), aadObjectId: z.string().min(1).optional() }).optional(),
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
  }),
  membersAdded: z.array(accountSchema).optional(),
  membersRemoved: z.array(accountSchema).optional(),
  channelData: z
    .object({
      eventType: z.string().optional(),
      team: z.object({ id: z.string().min(1), name: z.string().optional() }).optional(),
      channel: z.object({ id: z.string().min(1), name: z.string().optional() }).optional(),
      tenant: z.object({ id: z.string().min(1) }).optional(),
    })
    .optional(),
});

interface Where {
  tenantId: string;
  serviceUrl: string;
}

export type LifecycleEvent =
  | (Where & { kind: "addedToTeam"; teamId: string })
  | (Where & {
      kind: "installedForPerson";
      welcome: boolean;
      aadObjectId: string;
      teamsUserId: string;
      conversationId: string;
      botId: string;
    })
  | (Where & { kind: "removedFromTeam"; teamId: string })
  | (Where & { kind: "channelDeleted"; channelId: string })
  | (Where & { kind: "channelRenamed"; channelId: string; channelName: string })
  | { kind: "nothingToDo" };

/**
 * Teams sends a personal install as both a conversationUpdate (the bot in membersAdded) and, from
 * newer clients, an installationUpdate "add"; a team install likewise. The welcome follows the
 * conversationUpdate, which every client sends, and installationUpdate only stores the chat
 * reference or marks the team removed (both idempotent), so nobody is welcomed twice.
 * A member who leaves (teamMemberRemoved, someone else) and a renamed team change nothing: answers
 * are keyed by area and person, channels by id.
 */
export function readLifecycleEvent(activity: Partial<Activity>): LifecycleEvent {
  const parsed = lifecycleSchema.safeParse(activity);
  if (!parsed.success) return { kind: "nothingToDo" };
  const event = parsed.data;
  const where = {
    tenantId: event.channelData?.tenant?.id ?? event.conversation.tenantId ?? "",
    serviceUrl: event.serviceUrl,
  };
  const botId = event.recipient.id;
  const team = event.channelData?.team;
  const personal = event.conversation.conversationType === "personal";
  const botAdded = event.membersAdded?.some((member) => member.id === botId) ?? false;
  const botRemoved = event.membersRemoved?.some((member) => member.id === botId) ?? false;
  const person = event.from?.aadObjectId
    ? {
        aadObjectId: event.from.aadObjectId.toLowerCase(),
        teamsUserId: event.from.id,
        conversationId: event.conversation.id,
        botId,
      }
    : undefined;
  if (event.type === "installationUpdate") {
    if (personal && person && event.action?.startsWith("add"))
      return { ...where, kind: "installedForPerson", welcome: false, ...person };
    if (team && event.action?.startsWith("remove")) return { ...where, kind: "removedFromTeam", teamId: team.id };
    return { kind: "nothingToDo" };
  }
  if (personal && botAdded && person) return { ...where, kind: "installedForPerson", welcome: true, ...person };
  if (!team) return { kind: "nothingToDo" };
  const channel = event.channelData?.channel;
  switch (event.channelData?.eventType) {
    case "teamMemberAdded":
      return botAdded ? { ...where, kind: "addedToTeam", teamId: team.id } : { kind: "nothingToDo" };
    case "teamMemberRemoved":
      return botRemoved ? { ...where, kind: "removedFromTeam", teamId: team.id } : { kind: "nothingToDo" };
    case "channelDeleted":
      return channel ? { ...where, kind: "channelDeleted", channelId: channel.id } : { kind: "nothingToDo" };
    case "channelRenamed":
      return channel
        ? { ...where, kind: "channelRenamed", channelId: channel.id, channelName: channel.name ?? "" }
        : { kind: "nothingToDo" };
    default:
      return { kind: "nothingToDo" };
  }
}
