import { z } from "zod";
import { personSchema } from "../answers/person";

/** The statuses an action moves through, spelled as the action plan, its CSV and the card show them. */
export const ACTION_STATUSES = ["Not started", "On track", "At risk", "Done"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A real calendar day, yyyy-mm-dd (so "2026-02-30" is refused, not rolled into March). */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as yyyy-mm-dd")
  .refine((text) => new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), "a real calendar date");

/**
 * What the council tracks for one action of the plan: who owns it, when it is due and how it is
 * going. Keyed by assessment and statement, so it stays with the statement if the ranking moves.
 */
export const actionItemSchema = z.object({
  assessmentId: z.string().min(1),
  areaNumber: z.number().int().min(1),
  statementId: z.string().min(1).max(16),
  /** Resolved through the Teams roster when it was set: the name is what the documents print. */
  owner: personSchema.optional(),
  /** When the owner was given the action (kept while they stay its owner); absent when nobody owns it, or it was set before this was kept. */
  ownerAssignedAt: z.string().optional(),
  dueDate: calendarDateSchema.optional(),
  status: z.enum(ACTION_STATUSES),
  updatedAt: z.string(),
  updatedBy: z.string().min(1),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

/** The audit's short summary of an item (owner by Entra id, never by name): "before → after" compares these. */
export function actionItemSummary(item: Pick<ActionItem, "owner" | "dueDate" | "status"> | undefined): string {
  return JSON.stringify({
    owner: item?.owner?.aadObjectId ?? null,
    dueDate: item?.dueDate ?? null,
    status: item?.status ?? "Not started",
  });
}
