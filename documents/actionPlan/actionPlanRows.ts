import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { rankActions } from "../../assessment/compile/rankActions";
import type { RatingValue } from "../../assessment/framework/frameworkSchema";
import { singleLine } from "../csv/csvCodecs";
import { ratingLabel } from "../describeRating";

/** The statuses an action moves through, as the action plan and its CSV spell them. */
export const ACTION_STATUSES = ["Not started", "On track", "At risk", "Done"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

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
  owner: string;
  /** yyyy-mm-dd, or blank until someone sets it. */
  dueDate: string;
  status: ActionStatus;
}

const TITLE_CHARS = 120;

/**
 * The ranked actions of the agreed result (see rankActions). Owner, due date and status start
 * blank / "Not started": they are the council's to fill in once the plan is agreed.
 */
export function actionPlanRows(compiled: CompiledAssessment): ActionPlanRow[] {
  return rankActions(compiled.areas).map((action) => {
    const title = `${action.statementId} ${singleLine(action.text)}`;
    return {
      title: title.length <= TITLE_CHARS ? title : `${title.slice(0, TITLE_CHARS - 1)}…`,
      rank: action.rank,
      areaNumber: action.areaNumber,
      statementId: action.statementId,
      statementText: action.text,
      agreedRating: action.agreedRating,
      ratingLabel: `${ratingLabel(compiled, action.agreedRating)}${action.ratingSource === "provisional" ? " (provisional)" : ""}`,
      ideas: action.ideas.map((idea) => singleLine(idea.text)),
      owner: "",
      dueDate: "",
      status: "Not started",
    };
  });
}
