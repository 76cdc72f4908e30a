import type { AdaptiveCard } from "../../cards/expandTemplate";
import type { BotServices } from "../app/botServices";
import type { SendOutcome } from "../posting/sendOutcome";
import { openPersonalChat, sendCardToConversation } from "./conversationSend";
import type { TurnCaller } from "./turnCaller";

/** Sends a card to the caller's own 1:1 chat with the bot (opened if need be), paced and retried. */
export async function sendToPersonalChat(services: BotServices, caller: TurnCaller, card: AdaptiveCard): Promise<SendOutcome> {
  let conversationId = "";
  const opened = await services.sender.send(`user:${caller.person.aadObjectId}`, async () => {
    const outcome = await openPersonalChat(services, { serviceUrl: caller.serviceUrl, tenantId: caller.tenantId, teamsUserId: caller.person.teamsUserId });
    if (outcome.kind === "sent") conversationId = outcome.conversationId;
    return outcome;
  });
  if (opened.kind !== "sent") return opened;
  return services.sender.send(conversationId, () => sendCardToConversation(services, { serviceUrl: caller.serviceUrl, conversationId }, card));
}
