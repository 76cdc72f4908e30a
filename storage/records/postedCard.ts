import { z } from "zod";

const claimed = {
  assessmentId: z.string().min(1),
  areaNumber: z.number().int().min(1),
  /** Which card of the area: "intro", a statement id such as "7a", or "global". */
  cardKey: z.string().min(1),
  /** The channel while the card is claimed; once posted, the thread Teams opened for it (`<channel>;messageid=<activity id>`). */
  conversationId: z.string().min(1),
  claimedAt: z.string(),
};

/**
 * A card the bot posts once per area and later updates in place. "pending" is a claim taken just
 * before sending, so two processes (or a retried turn) never post the same card twice.
 */
export const postedCardSchema = z.discriminatedUnion("state", [
  z.object({ ...claimed, state: z.literal("pending") }),
  z.object({ ...claimed, state: z.literal("posted"), activityId: z.string().min(1), postedAt: z.string() }),
]);
export type PostedCard = z.infer<typeof postedCardSchema>;
