import { CardFactory, MessageFactory, TurnContext, type Activity, type ConversationReference } from "botbuilder";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import type { BotServices } from "../app/botServices";
import { outcomeFromError, type SendOutcome } from "../posting/sendOutcome";

/**
 * The three ways the bot writes to Teams outside a turn, each returning a SendOutcome instead of
 * throwing: a new thread in a channel, an update of a posted card, a message in a 1:1 chat.
 */
export async function postCardToChannel(services: BotServices, target: { serviceUrl: string; channelId: string; tenantId: string }, card: AdaptiveCard): Promise<SendOutcome> {
  try {
    let activityId = "";
    let conversationId = "";
    await services.adapter.createConversationAsync(
      services.botAppId,
      "msteams",
      target.serviceUrl,
      "",
      { isGroup: true, channelData: { channel: { id: target.channelId } }, tenantId: target.tenantId, activity: MessageFactory.attachment(CardFactory.adaptiveCard(card)) as Activity, bot: { id: services.botAppId, name: "" }, members: [] },
      async (turn) => {
        activityId = turn.activity.id ?? "";
        conversationId = turn.activity.conversation.id;
      },
    );
    return { kind: "sent", activityId, conversationId };
  } catch (error) {
    return outcomeFromError(error, services.clock());
  }
}

export async function updateCard(services: BotServices, target: { serviceUrl: string; conversationId: string; activityId: string }, card: AdaptiveCard): Promise<SendOutcome> {
  try {
    const reference: Partial<ConversationReference> = { serviceUrl: target.serviceUrl, channelId: "msteams", conversation: { id: target.conversationId, isGroup: true, conversationType: "channel", name: "" } };
    await services.adapter.continueConversationAsync(services.botAppId, reference, async (turn: TurnContext) => {
      await turn.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: target.activityId });
    });
    return { kind: "sent", activityId: target.activityId, conversationId: target.conversationId };
  } catch (error) {
    return outcomeFromError(error, services.clock());
  }
}

/** Opens (or reuses) the 1:1 chat with a user — allowed when the app is installed for them, e.g. via the team. */
export async function sendCardToUser(services: BotServices, target: { serviceUrl: string; tenantId: string; teamsUserId: string }, cards: readonly AdaptiveCard[]): Promise<SendOutcome> {
  try {
    let conversationId = "";
    let activityId = "";
    await services.adapter.createConversationAsync(
      services.botAppId,
      "msteams",
      target.serviceUrl,
      "",
      { isGroup: false, members: [{ id: target.teamsUserId, name: "" }], tenantId: target.tenantId, channelData: { tenant: { id: target.tenantId } }, bot: { id: services.botAppId, name: "" } },
      async (turn) => {
        conversationId = turn.activity.conversation.id;
        for (const card of cards) {
          const response = await turn.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
          activityId = response?.id ?? activityId;
        }
      },
    );
    return { kind: "sent", activityId, conversationId };
  } catch (error) {
    return outcomeFromError(error, services.clock());
  }
}

/** A message in an existing conversation (e.g. the thread a command was typed in), outside any turn. */
export async function sendCardToConversation(services: BotServices, target: { serviceUrl: string; conversationId: string }, card: AdaptiveCard): Promise<SendOutcome> {
  try {
    let activityId = "";
    const reference: Partial<ConversationReference> = { serviceUrl: target.serviceUrl, channelId: "msteams", conversation: { id: target.conversationId, isGroup: true, conversationType: "", name: "" } };
    await services.adapter.continueConversationAsync(services.botAppId, reference, async (turn: TurnContext) => {
      activityId = (await turn.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))))?.id ?? "";
    });
    return { kind: "sent", activityId, conversationId: target.conversationId };
  } catch (error) {
    return outcomeFromError(error, services.clock());
  }
}
