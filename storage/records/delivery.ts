import { z } from "zod";

const claimed = {
  /** What is sent, e.g. "digest" or "reminder". */
  kind: z.string().min(1),
  /** Which run of it, e.g. the digest's date; with kind and recipient it is the idempotency key. */
  runKey: z.string().min(1),
  recipient: z.string().min(1),
  claimedAt: z.string(),
};

/**
 * One message to one recipient. "pending" while sending; "done" once sent; "failed" when sending
 * must not be retried for this run (e.g. 403 MessageWritesBlocked: the user blocked the bot).
 */
export const deliverySchema = z.discriminatedUnion("state", [
  z.object({ ...claimed, state: z.literal("pending") }),
  z.object({ ...claimed, state: z.literal("done"), finishedAt: z.string() }),
  z.object({ ...claimed, state: z.literal("failed"), finishedAt: z.string(), failureReason: z.string() }),
]);
export type Delivery = z.infer<typeof deliverySchema>;
