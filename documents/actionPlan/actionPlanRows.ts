import type { ActionStatus } from "../../assessment/actionPlan/actionItem";
import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { rankActions } from "../../assessment/compile/rankActions";
import type { RatingValue } from "../../assessment/framework/frameworkSchema";
import { singleLine } from "../csv/csvCodecs";
import { ratingLabel } from "../describeRating";

/** One action of the plan: what the document's table row and the CSV row both hold. */
export interface ActionPlanRow {
  /** "7b Housing panel …" (Microsoft Lists makes the first column the item's Title). */
  title: string;
  rank: number;
  areaNumber: number;
  statementId: string;
  statementText: string;
  agreedRating: RatingValue;
  ratingLabel: string;
  /** The group's ideas, most shared first, one per entry. */
  ideas: string[];
  /** The owner's name (internal copy), "Assigned" (publication copy), or blank. */
  owner: string;
  /** yyyy-mm-dd, or blank until someone sets it. */
  dueDate: string;
  status: ActionStatus;
}

const TITLE_CHARS = 120;

/**
 * The ranked actions of the agreed result (see rankActions), with the owner, due date and status
 * leads and the coordinator set from the action plan card (blank / "Not started" until they do).
 */
export function actionPlanRows(compiled: CompiledAssessment): ActionPlanRow[] {
  return rankActions(compiled.areas).map((action) => {
    const title = `${action.statementId} ${singleLine(action.text)}`;
    const tracking = compiled.actionTracking?.[action.statementId];
    return {
      title: title.length <= TITLE_CHARS ? title : `${title.slice(0, TITLE_CHARS - 1)}…`,
      rank: action.rank,
      areaNumber: action.areaNumber,
      statementId: action.statementId,
      statementText: action.text,
      agreedRating: action.agreedRating,
      ratingLabel: `${ratingLabel(compiled, action.agreedRating)}${action.ratingSource === "provisional" ? " (provisional)" : ""}`,
      ideas: action.ideas.map((idea) => singleLine(idea.text)),
      owner: tracking?.owner ?? "",
      dueDate: tracking?.dueDate ?? "",
      status: tracking?.status ?? "Not started",
    };
  });
}
