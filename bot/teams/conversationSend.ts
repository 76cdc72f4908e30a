import type { ConnectorClient } from "botframework-connector";
import {
  CardFactory,
  MessageFactory,
  type Activity,
  type ConversationParameters,
  type ConversationReference,
  type TurnContext,
} from "botbuilder";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import type { Ports } from "../app/botServices";
import { outcomeFromError, type SendOutcome } from "../posting/sendOutcome";

/** What writing to Teams outside a turn needs: the adapter and the bot's id, and the clock for Retry-After. */
export type ConversationPorts = Ports<"adapter" | "botAppId" | "clock">;

/**
 * How the bot writes to Teams outside a turn, each returning a SendOutcome instead of throwing:
 * a new thread in a channel, a 1:1 chat opened, a card in an existing conversation, a card update.
 * Each call sends at most one message, so a retry by the paced sender can never duplicate another.
 */
export async function postCardToChannel(
  services: ConversationPorts,
  target: { serviceUrl: string; channelId: string; tenantId: string },
  card: AdaptiveCard,
): Promise<SendOutcome> {
  return createConversation(services, target.serviceUrl, {
    isGroup: true,
    channelData: { channel: { id: target.channelId } },
    tenantId: target.tenantId,
    activity: MessageFactory.attachment(CardFactory.adaptiveCard(card)) as Activity,
    bot: { id: services.botAppId, name: "" },
    members: [],
  });
}

/** Creates (or gets back) the 1:1 chat with a user — allowed when the app is installed for them, e.g. via the team. */
export async function openPersonalChat(
  services: ConversationPorts,
  target: { serviceUrl: string; tenantId: string; teamsUserId: string },
): Promise<SendOutcome> {
  return createConversation(services, target.serviceUrl, {
    isGroup: false,
    members: [{ id: target.teamsUserId, name: "" }],
    tenantId: target.tenantId,
    channelData: { tenant: { id: target.tenantId } },
    bot: { id: services.botAppId, name: "" },
  });
}

/** A card in an existing conversation (a thread, a 1:1 chat) outside any turn. */
export async function sendCardToConversation(
  services: ConversationPorts,
  target: { serviceUrl: string; conversationId: string },
  card: AdaptiveCard,
): Promise<SendOutcome> {
  return sendToConversation(services, target, MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/** Any message (e.g. text with @mentions) in an existing conversation outside any turn. */
export async function sendToConversation(
  services: ConversationPorts,
  target: { serviceUrl: string; conversationId: string },
  message: Partial<Activity>,
): Promise<SendOutcome> {
  try {
    let activityId = "";
    await rethrowingTurnErrors(
      (logic) => services.adapter.continueConversationAsync(services.botAppId, referenceTo(target), logic),
      async (turn) => {
        activityId = (await turn.sendActivity(message))?.id ?? "";
      },
    );
    return { kind: "sent", activityId, conversationId: target.conversationId };
  } catch (error) {
    return outcomeFromError(error, services.clock());
  }
}

export async function updateCard(
  services: ConversationPorts,
  target: { serviceUrl: string; conversationId: string; activityId: string },
  card: AdaptiveCard,
): Promise<SendOutcome> {
  try {
    await rethrowingTurnErrors(
      (logic) => services.adapter.continueConversationAsync(services.botAppId, referenceTo(target), logic),
      async (turn) => {
        await turn.updateActivity({
          ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
          id: target.activityId,
        });
      },
    );
    return { kind: "sent", activityId: target.activityId, conversationId: target.conversationId };
  } catch (error) {
    return outcomeFromError(error, services.clock());
  }
}

/**
 * Creates a conversation through the Bot Connector and keeps what it answers. CloudAdapter's
 * createConversationAsync hands its logic a synthetic activity whose id is the *conversation* id
 * and drops the ConversationResourceResponse's activityId — the id of the message Teams posted,
 * the only one a later update may address. So the connector client is called directly, from a
 * turn the adapter builds for the service URL (same credentials and pipeline as any proactive send).
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 * (create the conversation, "the activityId of the new message" in the response) and
 * https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#conversationresourceresponse-object
 */
async function createConversation(
  services: ConversationPorts,
  serviceUrl: string,
  parameters: ConversationParameters,
): Promise<SendOutcome> {
  try {
    let created: { id?: string; activityId?: string } = {};
    const reference = {
      serviceUrl,
      channelId: "msteams",
      conversation: { id: "", isGroup: parameters.isGroup, conversationType: "", name: "" },
    };
    await rethrowingTurnErrors(
      (logic) => services.adapter.continueConversationAsync(services.botAppId, reference, logic),
      async (turn) => {
        const client = turn.turnState.get<ConnectorClient>(turn.adapter.ConnectorClientKey);
        created = await client.conversations.createConversation(parameters);
      },
    );
    return { kind: "sent", activityId: created.activityId ?? "", conversationId: created.id ?? "" };
  } catch (error) {
    return outcomeFromError(error, services.clock());
  }
}

/**
 * The adapter runs proactive logic through its middleware, whose onTurnError catches what the logic
 * throws — so a 429 or a reset connection would come back as success and never be retried. The
 * error is kept here and thrown after the adapter returns, so it becomes a SendOutcome.
 */
async function rethrowingTurnErrors(
  run: (logic: (turn: TurnContext) => Promise<void>) => Promise<void>,
  logic: (turn: TurnContext) => Promise<void>,
): Promise<void> {
  let failure: { error: unknown } | undefined;
  await run(async (turn) => {
    try {
      await logic(turn);
    } catch (error) {
      failure = { error };
    }
  });
  if (failure) throw failure.error;
}

function referenceTo(target: { serviceUrl: string; conversationId: string }): Partial<ConversationReference> {
  return {
    serviceUrl: target.serviceUrl,
    channelId: "msteams",
    conversation: { id: target.conversationId, isGroup: true, conversationType: "", name: "" },
  };
}
