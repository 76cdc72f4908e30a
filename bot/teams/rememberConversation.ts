import type { TurnContext } from "botbuilder";
import type { Ports } from "../app/botServices";
import type { TurnCaller } from "./turnCaller";
import { receivedActivity } from "./receivedActivity";

/**
 * Keeps where we can reach people later: a user's 1:1 chat (for digests) when they write to the
 * bot personally. Only ids and the service URL are stored — no message content.
 */
export async function rememberConversation(
  services: Ports<"botAppId", "conversations">,
  turn: TurnContext,
  caller: TurnCaller,
): Promise<void> {
  if (caller.conversationType !== "personal") return;
  await services.storage.conversations.saveUser(caller.person.aadObjectId, {
    serviceUrl: caller.serviceUrl,
    conversationId: caller.conversationId,
    tenantId: caller.tenantId,
    botId: receivedActivity(turn).recipient?.id ?? services.botAppId,
    userId: caller.person.teamsUserId,
  });
}
