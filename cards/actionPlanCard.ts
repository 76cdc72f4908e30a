import template from "./templates/actionPlanCard.json";
import { expandTemplate, type AdaptiveCard } from "./expandTemplate";
import { ACTION_STATUSES, type ActionStatus } from "../assessment/actionPlan/actionItem";
import { markdownLiteral } from "../assessment/text/markdownLiteral";

/** One action of the plan as the card shows it, with its edit form's values. */
export interface ActionPlanCardAction {
  rank: number;
  statementId: string;
  text: string;
  /** "2 Mostly disagree", with "(provisional)" when the rating is not agreed yet. */
  rating: string;
  /** Empty when nobody owns it. */
  owner: { aadObjectId: string; name: string } | undefined;
  /** yyyy-mm-dd or empty. */
  dueDate: string;
  status: ActionStatus;
  /** What was typed into this action's form when it was refused, shown again in the form. */
  entered?: { ownerAadObjectId: string; dueDate: string; status: string };
}

export interface ActionPlanCardData {
  assessmentId: string;
  title: string;
  intro: string;
  actions: readonly ActionPlanCardAction[];
  /**
   * Teams' people picker searches the whole organisation only in a bot's 1:1 chat; in a channel it
   * searches the channel's members.
   * https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/people-picker
   */
  peopleSearch: "organisation" | "conversation";
  /** Shown when there are no actions. */
  empty: string;
  /** E.g. how to see the actions left off this card. */
  more?: string;
  notice?: string;
  error?: string;
}

/**
 * The action plan's actions, each with an Edit form: owner (Teams people picker, which submits the
 * chosen person's Entra object id; the current owner is a static choice so the picker shows their
 * name), due date and status, saved with Action.Execute.
 */
export function buildActionPlanCard(data: ActionPlanCardData): AdaptiveCard {
  return expandTemplate(template, {
    assessmentId: data.assessmentId,
    title: data.title,
    intro: data.intro,
    empty: data.empty,
    more: data.more ?? "",
    notice: data.notice ?? "",
    error: data.error ?? "",
    peopleDataset:
      data.peopleSearch === "organisation"
        ? "graph.microsoft.com/users"
        : "graph.microsoft.com/users?scope=currentContext",
    statuses: [...ACTION_STATUSES],
    actions: data.actions.map((action) => ({
      rank: action.rank,
      statementId: action.statementId,
      text: action.text,
      rating: action.rating,
      ownerShown: action.owner ? markdownLiteral(action.owner.name) || "(name not known)" : "–",
      dueShown: action.dueDate || "–",
      status: action.status,
      ownerName: action.owner?.name ?? "",
      ownerValue: action.entered?.ownerAadObjectId ?? action.owner?.aadObjectId ?? "",
      dueValue: action.entered?.dueDate ?? action.dueDate,
      statusValue: action.entered?.status ?? action.status,
    })),
  });
}
