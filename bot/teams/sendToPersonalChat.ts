import type { AdaptiveCard } from "../../cards/expandTemplate";
import type { SendOutcome } from "../posting/sendOutcome";
import type { Ports } from "../app/botServices";
import { openPersonalChat, sendCardToConversation, type ConversationPorts } from "./conversationSend";
import type { TurnCaller } from "./turnCaller";

/** Writing to Teams, paced by the sender. */
export type PersonalChatPorts = ConversationPorts & Ports<"sender">;

/** Opens (or gets back) a person's 1:1 chat through the paced sender; a sent outcome carries its conversation id. */
export function openPersonalChatPaced(
  services: PersonalChatPorts,
  person: { serviceUrl: string; tenantId: string; teamsUserId: string; aadObjectId: string },
): Promise<SendOutcome> {
  return services.sender.send(`user:${person.aadObjectId}`, () => openPersonalChat(services, person));
}

/** Sends a card to the caller's own 1:1 chat with the bot (opened if need be), paced and retried. */
export async function sendToPersonalChat(
  services: PersonalChatPorts,
  caller: TurnCaller,
  card: AdaptiveCard,
): Promise<SendOutcome> {
  const target = {
    serviceUrl: caller.serviceUrl,
    tenantId: caller.tenantId,
    teamsUserId: caller.person.teamsUserId,
    aadObjectId: caller.person.aadObjectId,
  };
  const opened = await openPersonalChatPaced(services, target);
  if (opened.kind !== "sent") return opened;
  const conversationId = opened.conversationId;
  return services.sender.send(conversationId, () =>
    sendCardToConversation(services, { serviceUrl: caller.serviceUrl, conversationId }, card),
  );
}
