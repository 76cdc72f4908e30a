import { randomUUID } from "node:crypto";
import type { TeamsPerson } from "./people";

/**
 * Teams-shaped activities as the Bot Connector delivers them: channel messages with @mentions,
 * personal messages, and adaptiveCard/action invokes whose action.data has the inputs merged in.
 */
export const BOT = { id: "28:self-assessment-bot", name: "Self-Assessment" };
export const TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";

export interface TeamsChannel {
  teamId: string;
  channelId: string;
  name: string;
  /**
   * botframework-schema's ChannelInfo.type ("standard, shared and private"); unset for a standard
   * channel, as in the docs' channel payloads. Private and shared channels have their own members
   * and the app must be added to each (https://learn.microsoft.com/en-us/microsoftteams/platform/build-apps-for-shared-private-channels).
   */
  type?: "private" | "shared";
}

export function makeChannel(name: string, type?: "private" | "shared"): TeamsChannel {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const channel = {
    teamId: "19:team-care-leavers@thread.tacv2",
    channelId: `19:${slug}-${randomUUID().slice(0, 8)}@thread.tacv2`,
    name,
  };
  return type ? { ...channel, type } : channel;
}

/** Someone or something @mentioned: Teams gives only an id and a display name. */
export type MentionedAccount = Pick<TeamsPerson, "id" | "name">;

interface Common {
  serviceUrl: string;
  from: TeamsPerson;
}

function base(common: Common) {
  return {
    id: randomUUID(),
    channelId: "msteams",
    serviceUrl: common.serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: common.from.id, name: common.from.name, aadObjectId: common.from.aadObjectId },
    recipient: BOT,
  };
}

function channelPart(channel: TeamsChannel, conversationId: string) {
  return {
    conversation: { id: conversationId, conversationType: "channel", isGroup: true, tenantId: TENANT_ID },
    channelData: {
      team: { id: channel.teamId, name: "Care leavers review" },
      channel: { id: channel.channelId, name: channel.name, ...(channel.type ? { type: channel.type } : {}) },
      tenant: { id: TENANT_ID },
    },
  };
}

/**
 * `@Self-Assessment <text>` in a channel, optionally @mentioning people, tags or channels (as
 * `<at>Name</at>`). Without `threadId` it is a new top-level post: its own conversation,
 * `<channel id>;messageid=<its own id>`. With `threadId` (the root post's id) it is a reply in that
 * thread: the conversation carries the root's id and replyToId names the root.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations
 */
export function channelMessage(
  common: Common & { channel: TeamsChannel; text: string; mentions?: MentionedAccount[]; threadId?: string },
) {
  const id = newMessageId();
  const rootId = common.threadId ?? id;
  return {
    ...base(common),
    id,
    ...(common.threadId ? { replyToId: common.threadId } : {}),
    ...addressedToBot(common.text, common.mentions ?? []),
    ...channelPart(common.channel, `${common.channel.channelId};messageid=${rootId}`),
  };
}

let messageCounter = 0;

/** Teams message ids are millisecond timestamps (e.g. 1700000000123); unique within a run. */
function newMessageId(): string {
  messageCounter += 1;
  return String(1_800_000_000_000 + messageCounter * 7 + Math.floor(Math.random() * 7));
}

/**
 * `@Self-Assessment <text>` in a group chat: conversationType "groupChat", a `19:…@thread.v2` id, and
 * no team or channel in channelData; bots there "only receive messages when they're mentioned"
 * (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations).
 */
export function groupChatMessage(common: Common & { chatId: string; text: string; mentions?: MentionedAccount[] }) {
  return {
    ...base(common),
    ...addressedToBot(common.text, common.mentions ?? []),
    conversation: { id: common.chatId, conversationType: "groupChat", isGroup: true, tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
  };
}

/**
 * Text and mention entities of a message to the bot. A mention carries "the unique ID of the user
 * and the name of the user mentioned" and nothing else — no Entra object id ("Retrieve mentions",
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations).
 */
function addressedToBot(text: string, mentions: readonly MentionedAccount[]) {
  return {
    type: "message",
    text: `<at>${BOT.name}</at> ${text}${mentions.map((account) => ` <at>${account.name}</at>`).join("")}`,
    textFormat: "plain",
    entities: [BOT, ...mentions].map((account) => ({
      type: "mention",
      mentioned: { id: account.id, name: account.name },
      text: `<at>${account.name}</at>`,
    })),
  };
}

export function personalMessage(common: Common & { text: string }) {
  return {
    ...base(common),
    type: "message",
    text: common.text,
    conversation: { id: `a:personal-${common.from.id}`, conversationType: "personal", tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
  };
}

/**
 * An Action.Execute from a card in a channel thread (or a personal chat when no channel): the
 * conversation is the thread the card is in, `<channel id>;messageid=<root id>` (a new thread when
 * not given), and replyToId the card's own activity id when known.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards
 */
export function cardAction(
  common: Common & {
    channel?: TeamsChannel;
    conversationId?: string;
    cardActivityId?: string;
    verb: string;
    data: Record<string, unknown>;
    trigger?: "manual" | "automatic";
  },
) {
  const where = common.channel
    ? channelPart(common.channel, common.conversationId ?? `${common.channel.channelId};messageid=${newMessageId()}`)
    : {
        conversation: { id: `a:personal-${common.from.id}`, conversationType: "personal", tenantId: TENANT_ID },
        channelData: { tenant: { id: TENANT_ID } },
      };
  return {
    ...base(common),
    ...(common.cardActivityId ? { replyToId: common.cardActivityId } : {}),
    type: "invoke",
    name: "adaptiveCard/action",
    value: {
      action: { type: "Action.Execute", id: randomUUID(), verb: common.verb, data: common.data },
      trigger: common.trigger ?? "manual",
    },
    ...where,
  };
}
