import { randomUUID } from "node:crypto";
import type { TeamsPerson } from "./people";
import { BOT, TENANT_ID, type TeamsChannel } from "./teamsActivities";

/**
 * Installation and conversation events as Teams sends them. Shapes from "Conversation events in
 * your Teams bot" (conversationUpdate: the team's General channel as the conversation for team
 * events, channelData.eventType, the changed channel or team in channelData, the bot or person in
 * membersAdded / membersRemoved) and its "Installation update event" section (installationUpdate with
 * action "add" / "remove"; a personal install's conversation is the 1:1 chat).
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events
 */
interface Common {
  serviceUrl: string;
  /** Who did it (the person installing, renaming, deleting). */
  from: TeamsPerson;
}

type TeamEventType = "teamMemberAdded" | "teamMemberRemoved" | "teamRenamed" | "channelRenamed" | "channelDeleted";

function event(common: Common) {
  return {
    id: `f:${randomUUID()}`,
    channelId: "msteams",
    serviceUrl: common.serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: common.from.id, aadObjectId: common.from.aadObjectId },
    recipient: BOT,
  };
}

/** A team-scope conversationUpdate; the conversation is the team's General channel, whose id is the team's. */
export function teamEvent(
  common: Common & {
    eventType: TeamEventType;
    channel: TeamsChannel;
    teamName?: string;
    membersAdded?: Array<{ id: string }>;
    membersRemoved?: Array<{ id: string }>;
  },
) {
  const changedChannel = common.eventType === "channelRenamed" || common.eventType === "channelDeleted";
  return {
    ...event(common),
    type: "conversationUpdate",
    conversation: { id: common.channel.teamId, conversationType: "channel", isGroup: true, tenantId: TENANT_ID },
    ...(common.membersAdded ? { membersAdded: common.membersAdded } : {}),
    ...(common.membersRemoved ? { membersRemoved: common.membersRemoved } : {}),
    channelData: {
      eventType: common.eventType,
      team: { id: common.channel.teamId, name: common.teamName ?? "Care leavers review", aadGroupId: randomUUID() },
      ...(changedChannel ? { channel: { id: common.channel.channelId, name: common.channel.name } } : {}),
      tenant: { id: TENANT_ID },
    },
  };
}

/** The bot added to (or removed from) a team: a team event with the bot itself as the member. */
export function botTeamMembership(common: Common & { channel: TeamsChannel; change: "added" | "removed" }) {
  return common.change === "added"
    ? teamEvent({ ...common, eventType: "teamMemberAdded", membersAdded: [{ id: BOT.id }] })
    : teamEvent({ ...common, eventType: "teamMemberRemoved", membersRemoved: [{ id: BOT.id }] });
}

/** The app installed for a person: the 1:1 chat's conversationUpdate with the bot in membersAdded. */
export function personalInstall(common: Common) {
  return {
    ...event(common),
    type: "conversationUpdate",
    conversation: { id: `a:personal-${common.from.id}`, conversationType: "personal", tenantId: TENANT_ID },
    membersAdded: [{ id: BOT.id }],
    channelData: { tenant: { id: TENANT_ID } },
  };
}

/** installationUpdate "add" / "remove" in a team (conversation = General) or for a person (their 1:1 chat). */
export function installationUpdate(common: Common & { action: "add" | "remove"; channel?: TeamsChannel }) {
  const where = common.channel
    ? {
        conversation: { id: common.channel.teamId, conversationType: "channel", isGroup: true, tenantId: TENANT_ID },
        channelData: {
          team: { id: common.channel.teamId, name: "Care leavers review" },
          tenant: { id: TENANT_ID },
          source: { name: "message" },
        },
      }
    : {
        conversation: { id: `a:personal-${common.from.id}`, conversationType: "personal", tenantId: TENANT_ID },
        channelData: { tenant: { id: TENANT_ID }, source: null },
      };
  return { ...event(common), type: "installationUpdate", action: common.action, ...where };
}
