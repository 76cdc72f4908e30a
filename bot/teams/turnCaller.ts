import { z } from "zod";
import type { Activity } from "botbuilder";
import type { Person } from "../../assessment/answers/person";

/**
 * Who sent an activity and from where, read from the Teams activity with zod: the activity is
 * untrusted input like any other, and a malformed one gets a refusal rather than a crash.
 */
const teamsActivitySchema = z.object({
  from: z.object({
    id: z.string().min(1),
    name: z.string().optional().default(""),
    aadObjectId: z.string().min(1).optional(),
  }),
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
  }),
  serviceUrl: z.url(),
  channelData: z
    .object({
      team: z.object({ id: z.string().min(1), name: z.string().optional() }).optional(),
      // `type` is botframework-schema's ChannelInfo.type: "standard", "shared" or "private" (absent: standard).
      channel: z.object({ id: z.string().min(1), name: z.string().optional(), type: z.string().optional() }).optional(),
      tenant: z.object({ id: z.string().min(1) }).optional(),
    })
    .optional(),
});

export interface TurnCaller {
  person: Person;
  /** "channel" for a team channel, "personal" for 1:1, "groupChat" for a group chat. */
  conversationType: "channel" | "personal" | "groupChat";
  conversationId: string;
  tenantId: string;
  serviceUrl: string;
  /** Present when the activity comes from a team channel. */
  team?: { teamId: string; channelId: string; channelName: string; channelType: ChannelType };
}

/** Private and shared channels have their own members, and the app must be added to each one. */
export type ChannelType = "standard" | "private" | "shared";

export type CallerResult = { ok: true; caller: TurnCaller } | { ok: false; reason: string };

export function readTurnCaller(activity: Partial<Activity>): CallerResult {
  const parsed = teamsActivitySchema.safeParse(activity);
  if (!parsed.success) {
    return { ok: false, reason: "This message did not come from Microsoft Teams in a form I understand." };
  }
  const { from, conversation, serviceUrl, channelData } = parsed.data;
  if (!from.aadObjectId) {
    return { ok: false, reason: "I could not tell who you are (no Microsoft Entra id on the message)." };
  }
  const conversationType =
    conversation.conversationType === "channel"
      ? "channel"
      : conversation.conversationType === "groupChat"
        ? "groupChat"
        : "personal";
  const channelId = channelData?.channel?.id;
  const team =
    conversationType === "channel" && channelData?.team && channelId
      ? {
          teamId: channelData.team.id,
          channelId,
          channelName: channelData.channel?.name ?? "",
          channelType: channelTypeOf(channelData.channel?.type),
        }
      : undefined;
  return {
    ok: true,
    caller: {
      person: { aadObjectId: from.aadObjectId.toLowerCase(), teamsUserId: from.id, name: from.name },
      conversationType,
      conversationId: conversation.id,
      tenantId: channelData?.tenant?.id ?? conversation.tenantId ?? "",
      serviceUrl,
      team,
    },
  };
}

function channelTypeOf(type: string | undefined): ChannelType {
  const lower = type?.toLowerCase();
  return lower === "private" || lower === "shared" ? lower : "standard";
}
