import { z } from "zod";
import { findStatement } from "../../../assessment/framework/frameworkLookup";
import { whoMay } from "../../../assessment/roles/authorizationMatrix";
import { buildNoticeCard } from "../../../cards/noticeCard";
import { actionPlanCardFor, mayTrackArea } from "../../actionPlan/actionPlanCardFor";
import { resolveActionOwner } from "../../actionPlan/resolveActionOwner";
import { updateActionItem } from "../../actionPlan/updateActionItem";
import { refusal } from "../../teams/replies";
import { enteredChoice, enteredText } from "../enteredText";
import type { ActionHandler } from "../actionContext";
import type { Ports } from "../../app/botServices";

type UpdateActionItemPorts = Parameters<typeof actionPlanCardFor>[0] &
  Parameters<typeof resolveActionOwner>[1] &
  Parameters<typeof updateActionItem>[0] &
  Ports<"framework", "assignments" | "actionItems">;

/** Which action the form is for, from the card's own data (untrusted: it can be forged). */
const actionIdentitySchema = z.object({
  assessmentId: z.string().min(1).max(300),
  statementId: z.string().min(1).max(16),
});

/** The people picker's Entra object id (36 characters); more is forged. */
const OWNER_ECHO_MAX_CHARS = 64;

/**
 * The action plan card's Save: parse → check the caller may track the action's area → resolve the
 * picked owner through the roster → save and audit (updateActionItem). Answers with the area's
 * actions again: saved, or refused with what was typed kept in that action's form.
 */
export const updateActionItemAction: ActionHandler<UpdateActionItemPorts> = async ({
  turn,
  caller,
  services,
  data,
  assessmentId,
}) => {
  const identity = actionIdentitySchema.safeParse(data);
  const found = identity.success ? findStatement(services.framework, identity.data.statementId) : undefined;
  if (!identity.success || !found || identity.data.assessmentId !== assessmentId)
    return buildNoticeCard({
      title: "Nothing was saved",
      lines: ["This action plan card is out of date. Type **actions** for a new one."],
      tone: "warning",
    });
  const statementId = found.statement.id;
  const areaNumber = found.area.number;
  const assignment = (await services.storage.assignments.get(assessmentId, areaNumber))?.value;
  if (!mayTrackArea(caller, services, assignment))
    return buildNoticeCard(
      refusal(`set the owner, due date and status of area ${String(areaNumber)}'s actions`, whoMay("updateActionItem")),
    );
  const entered = {
    ownerAadObjectId: enteredText(data, `owner_${statementId}`, OWNER_ECHO_MAX_CHARS).text,
    dueDate: enteredChoice(data, `due_${statementId}`),
    status: enteredChoice(data, `status_${statementId}`),
  };
  const card = (extra: { notice?: string; message?: string }) =>
    actionPlanCardFor(services, caller, {
      assessmentId,
      areaNumbers: [areaNumber],
      ...(extra.notice ? { notice: extra.notice } : {}),
      ...(extra.message ? { refused: { statementId, message: extra.message, ...entered } } : {}),
    });
  const current = await services.storage.actionItems.get(assessmentId, statementId);
  const owner = await resolveActionOwner(turn, services, {
    pickedAadObjectId: entered.ownerAadObjectId,
    current: current?.owner,
    assignment,
  });
  if (!owner.ok) return card({ message: `${statementId}: ${owner.message}` });
  const saved = await updateActionItem(services, {
    assessmentId,
    areaNumber,
    statementId,
    actorAadObjectId: caller.person.aadObjectId,
    owner: owner.owner,
    dueDate: entered.dueDate.trim(),
    status: entered.status.trim(),
  });
  if (!saved.ok) return card({ message: saved.message });
  return card({
    notice: saved.changed ? `Saved ${statementId}.` : `${statementId} was already like that: nothing changed.`,
  });
};
