import type { ActionItem } from "../../assessment/actionPlan/actionItem";
import { compileAssessment } from "../../assessment/compile/compileAssessment";
import { rankActions, type RankedAction } from "../../assessment/compile/rankActions";
import type { Ports } from "../app/botServices";
import { gatherCompileInput } from "../compile/gatherCompileInput";

/** An action of the ranked plan with what has been set for it, if anything. */
export interface TrackedAction extends RankedAction {
  item: ActionItem | undefined;
  /** "Mostly disagree", the scale's label for the agreed rating. */
  ratingLabel: string;
}

/** The stored records the plan is compiled from, as `compile` reads them. */
export type TrackedActionsPorts = Ports<
  "framework" | "config" | "clock",
  "assessments" | "assignments" | "responses" | "moderation" | "actionItems"
>;

/**
 * The plan as it stands now: compiled from the stored records exactly as `compile` does (so the
 * card and the document rank alike), each action joined with its stored owner, due date and status.
 */
export async function loadTrackedActions(
  services: TrackedActionsPorts,
  assessmentId: string,
): Promise<TrackedAction[]> {
  const input = await gatherCompileInput({
    storage: services.storage,
    framework: services.framework,
    thresholds: services.config.consensus,
    assessmentId,
    now: services.clock(),
  });
  const compiled = compileAssessment(input);
  const items = new Map((input.actionItems ?? []).map((item) => [item.statementId, item]));
  return rankActions(compiled.areas).map((action) => ({
    ...action,
    item: items.get(action.statementId),
    ratingLabel: compiled.framework.scale.find((level) => level.value === action.agreedRating)?.label ?? "",
  }));
}
