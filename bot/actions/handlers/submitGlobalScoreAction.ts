import { buildNoticeCard } from "../../../cards/noticeCard";
import { saveGlobalScore } from "../../answers/saveGlobalScore";
import { globalOwnView } from "../../answers/statementCardViews";
import { resolveCardTarget, type CardTargetPorts } from "../cardIdentity";
import { enteredChoice, enteredWholeNumber } from "../enteredText";
import type { ActionHandler } from "../actionContext";

type SubmitGlobalScorePorts = CardTargetPorts & Parameters<typeof saveGlobalScore>[0];

/** A member saves or changes their global score for the area, through the shared saveGlobalScore service. */
export const submitGlobalScoreAction: ActionHandler<SubmitGlobalScorePorts> = async (context) => {
  const target = await resolveCardTarget(context, "submitGlobalScore", { statementRequired: false });
  if (!target.ok)
    return buildNoticeCard({ title: "Your score was not saved", lines: [target.message], tone: "warning" });
  const { assignment, area } = target;
  const { services } = context;
  // Read in parallel since the action arrived (dispatchAction): no trip of its own. Awaited before
  // the save, so a failed read leaves nothing saved behind a "not saved" card.
  const { timeZone } = await context.assessment;
  const result = await saveGlobalScore(services, {
    assignment,
    area,
    respondent: context.caller.person,
    score: enteredWholeNumber(context.data, "score"),
  });
  if (!result.ok)
    return globalOwnView(services, {
      assignment,
      area,
      timeZone,
      answeredCount: result.answeredCount,
      enteredScore: enteredChoice(context.data, "score"),
      error: result.message,
    });
  return globalOwnView(services, {
    assignment,
    area,
    timeZone,
    answeredCount: result.answeredCount,
    own: result.answer,
  });
};
