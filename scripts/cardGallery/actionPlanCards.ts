import { compileAssessment } from "../../assessment/compile/compileAssessment";
import { rankActions } from "../../assessment/compile/rankActions";
import { buildActionPlanCard, type ActionPlanCardAction } from "../../cards/actionPlanCard";
import type { GalleryEntry } from "./galleryEntry";
import type { SampleAssessment } from "./sampleAssessment";

const INTRO =
  "Ranked as in the compiled plan: statements agreed at 1 or 2 first, then 3; weakest areas first. Set each action's owner, due date and status with Edit; the next compile prints them.";

/** The action plan card as a lead sees their area's actions, and as the coordinator sees a refused save. */
export function actionPlanCards(sample: SampleAssessment): GalleryEntry[] {
  const { records, framework } = sample;
  const assessmentId = records.details.id;
  const compiled = compileAssessment(records);
  const label = (value: number) => framework.scale.find((level) => level.value === value)?.label ?? "";
  const actions = rankActions(compiled.areas);
  const lead = records.assignments.find((assignment) => assignment.areaNumber === sample.area.number)?.leads[0];
  const toCard = (action: (typeof actions)[number], index: number): ActionPlanCardAction => ({
    rank: action.rank,
    statementId: action.statementId,
    text: action.text,
    rating: `${String(action.agreedRating)} ${label(action.agreedRating)}${action.ratingSource === "provisional" ? " (provisional)" : ""}`,
    owner: index === 0 && lead ? { aadObjectId: lead.aadObjectId, name: lead.name } : undefined,
    dueDate: index === 0 ? "2026-03-31" : "",
    status: index === 0 ? "On track" : "Not started",
  });
  const areaActions = actions.filter((action) => action.areaNumber === sample.area.number).map(toCard);
  const first = actions[0];
  if (!first || areaActions.length === 0)
    throw new Error(`the sample assessment has no action in area ${String(sample.area.number)}`);
  return [
    {
      id: "lead-action-plan",
      audience: "leads",
      template: "actionPlanCard",
      title: "Action plan: the lead's area",
      caption:
        "The reply to `actions` in the group's channel: the area's actions, ranked, each with Edit for its owner (Teams people picker over the channel's members; this renderer shows an empty list), due date and status.",
      card: buildActionPlanCard({
        assessmentId,
        title: `Action plan: area ${String(sample.area.number)}`,
        intro: INTRO,
        actions: areaActions,
        peopleSearch: "conversation",
        empty: "",
        notice: `Saved ${areaActions[0]?.statementId ?? ""}.`,
      }),
    },
    {
      id: "coordinator-action-plan-refused",
      audience: "coordinator",
      template: "actionPlanCard",
      title: "Action plan (refused save)",
      caption:
        "A Save with an impossible due date, in the coordinator's personal chat (the people picker searches the whole organisation there): the problem is named and what was typed stays in the form.",
      card: buildActionPlanCard({
        assessmentId,
        title: "Action plan",
        intro: INTRO,
        actions: [{ ...toCard(first, 1), entered: { ownerAadObjectId: "", dueDate: "2026-02-30", status: "At risk" } }],
        peopleSearch: "organisation",
        empty: "",
        more: `${String(actions.length - 1)} more not shown: type **actions <area number>** for one area's actions.`,
        error: `The due date for ${first.statementId} must be a real date (yyyy-mm-dd).`,
      }),
    },
  ];
}
