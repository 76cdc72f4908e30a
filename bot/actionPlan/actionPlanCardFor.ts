import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import { isAllowed } from "../../assessment/roles/authorizationMatrix";
import { buildActionPlanCard, type ActionPlanCardAction } from "../../cards/actionPlanCard";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import type { Ports } from "../app/botServices";
import { resolveRoles } from "../../assessment/roles/resolveRoles";
import type { TurnCaller } from "../teams/turnCaller";
import { loadTrackedActions, type TrackedAction, type TrackedActionsPorts } from "./loadTrackedActions";

/** The largest area has 15 statements: one area's actions always fit one card (well under Teams' ~28 KB). */
export const MAX_ACTIONS_PER_CARD = 15;

export interface ActionPlanCardRequest {
  assessmentId: string;
  /** Only these areas' actions; undefined: every area the caller may track. */
  areaNumbers?: readonly number[];
  notice?: string;
  /** A refused save: the message, and what was typed into that action's form. */
  refused?: { statementId: string; message: string; ownerAadObjectId: string; dueDate: string; status: string };
}

/**
 * Whether the caller may set an area's actions here: the coordinator any area, a lead their own
 * (from its channel or their personal chat), by the one authorization table.
 */
export function mayTrackArea(
  caller: TurnCaller,
  services: Ports<"config">,
  assignment: AreaAssignment | undefined,
): boolean {
  const roles = resolveRoles({ caller, coordinatorAadIds: services.config.coordinatorAadIds, assignment });
  return isAllowed("updateActionItem", roles);
}

/** The action plan card for what the caller may track, ranked as the compiled plan is. */
export async function actionPlanCardFor(
  services: TrackedActionsPorts & Ports<"config", "assignments">,
  caller: TurnCaller,
  request: ActionPlanCardRequest,
): Promise<AdaptiveCard> {
  const [tracked, assignments] = await Promise.all([
    loadTrackedActions(services, request.assessmentId),
    services.storage.assignments.list(request.assessmentId),
  ]);
  const assignmentOf = (area: number) => assignments.find((assignment) => assignment.areaNumber === area);
  const visible = tracked.filter(
    (action) =>
      mayTrackArea(caller, services, assignmentOf(action.areaNumber)) &&
      (request.areaNumbers === undefined || request.areaNumbers.includes(action.areaNumber)),
  );
  const shown = visible.slice(0, MAX_ACTIONS_PER_CARD);
  const leftOff = visible.slice(MAX_ACTIONS_PER_CARD);
  const areas = request.areaNumbers;
  return buildActionPlanCard({
    assessmentId: request.assessmentId,
    title: areas?.length === 1 ? `Action plan: area ${String(areas[0])}` : "Action plan",
    intro:
      "Ranked as in the compiled plan: statements agreed at 1 or 2 first, then 3; weakest areas first. Set each action's owner, due date and status with Edit; the next compile prints them.",
    actions: shown.map((action) => cardAction(action, request.refused)),
    peopleSearch: caller.conversationType === "personal" ? "organisation" : "conversation",
    empty: "No actions here yet: an action appears once a statement's agreed (or provisional) rating is 1, 2 or 3.",
    ...(leftOff.length > 0 ? { more: moreLine(leftOff) } : {}),
    ...(request.notice ? { notice: request.notice } : {}),
    ...(request.refused ? { error: request.refused.message } : {}),
  });
}

function cardAction(action: TrackedAction, refused: ActionPlanCardRequest["refused"]): ActionPlanCardAction {
  const provisional = action.ratingSource === "provisional" ? " (provisional)" : "";
  return {
    rank: action.rank,
    statementId: action.statementId,
    text: action.text,
    rating: `${String(action.agreedRating)} ${action.ratingLabel}${provisional}`,
    owner: action.item?.owner,
    dueDate: action.item?.dueDate ?? "",
    status: action.item?.status ?? "Not started",
    ...(refused?.statementId === action.statementId
      ? { entered: { ownerAadObjectId: refused.ownerAadObjectId, dueDate: refused.dueDate, status: refused.status } }
      : {}),
  };
}

function moreLine(leftOff: readonly TrackedAction[]): string {
  const areas = [...new Set(leftOff.map((action) => action.areaNumber))].sort((a, b) => a - b);
  return `${String(leftOff.length)} more not shown (areas ${areas.join(", ")}): type **actions <area number>** for one area's actions.`;
}
