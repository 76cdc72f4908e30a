import { actionItemSchema, actionItemSummary, type ActionItem } from "../../assessment/actionPlan/actionItem";
import type { Person } from "../../assessment/answers/person";
import type { Ports } from "../app/botServices";

export type UpdateActionItemResult =
  | { ok: true; item: ActionItem; changed: boolean }
  | { ok: false; field: "dueDate" | "status" | "other"; message: string };

/**
 * Setting an action's owner, due date and status, for every surface (the action plan card; the tab
 * could call it too). The caller has checked the role and resolved the owner through the roster.
 * Input is zod-checked; an unchanged save writes nothing. Every change is audited before → after
 * (owner by Entra object id, never by name) in the same transaction as the change.
 */
export async function updateActionItem(
  services: Ports<"clock", "actionItems">,
  input: {
    assessmentId: string;
    areaNumber: number;
    statementId: string;
    actorAadObjectId: string;
    /** Undefined: nobody owns it. */
    owner: Person | undefined;
    /** yyyy-mm-dd, or "" for none. */
    dueDate: string;
    status: string;
  },
): Promise<UpdateActionItemResult> {
  const at = services.clock().toISOString();
  const parsed = actionItemSchema.safeParse({
    assessmentId: input.assessmentId,
    areaNumber: input.areaNumber,
    statementId: input.statementId,
    ...(input.owner ? { owner: input.owner } : {}),
    ...(input.dueDate === "" ? {} : { dueDate: input.dueDate }),
    status: input.status,
    updatedAt: at,
    updatedBy: input.actorAadObjectId,
  });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    if (field === "dueDate")
      return { ok: false, field, message: `The due date for ${input.statementId} must be a real date (yyyy-mm-dd).` };
    if (field === "status")
      return {
        ok: false,
        field,
        message: `Choose a status for ${input.statementId}: Not started, On track, At risk or Done.`,
      };
    return { ok: false, field: "other", message: parsed.error.issues[0]?.message ?? "Check what you entered." };
  }
  const next = parsed.data;
  const saved = await services.storage.actionItems.save(
    input.assessmentId,
    input.statementId,
    (current) => (actionItemSummary(current) === actionItemSummary(next) ? undefined : withOwnerSince(next, current)),
    (previous) => ({
      assessmentId: input.assessmentId,
      at,
      actorAadObjectId: input.actorAadObjectId,
      action: "actionItemUpdated",
      target: input.statementId,
      before: actionItemSummary(previous),
      after: actionItemSummary(next),
    }),
  );
  if (!saved.written) return { ok: true, item: saved.previous ?? next, changed: false };
  // What was written: `previous` is exactly the item it replaced.
  return { ok: true, item: withOwnerSince(next, saved.previous), changed: true };
}

/** The owner keeps the time they were given the action; a new owner gets the time of this change. */
function withOwnerSince(next: ActionItem, current: ActionItem | undefined): ActionItem {
  if (next.owner === undefined) return next;
  const since = current?.owner?.aadObjectId === next.owner.aadObjectId ? current.ownerAssignedAt : next.updatedAt;
  return since === undefined ? next : { ...next, ownerAssignedAt: since };
}
