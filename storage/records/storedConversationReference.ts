import { z } from "zod";

/**
 * What the bot needs to message a user or channel proactively later, without botbuilder's types
 * (the bot layer converts to and from ConversationReference).
 */
export const storedConversationReferenceSchema = z.object({
  serviceUrl: z.url(),
  conversationId: z.string().min(1),
  tenantId: z.string(),
  /** The bot's own id in the conversation (`28:…`). */
  botId: z.string().min(1),
  /** The user's Teams id (`29:…`) for a 1:1 conversation. */
  userId: z.string().min(1).optional(),
  /** The channel's id (`19:…@thread.tacv2`) for a channel conversation. */
  channelId: z.string().min(1).optional(),
});
export type StoredConversationReference = z.infer<typeof storedConversationReferenceSchema>;
