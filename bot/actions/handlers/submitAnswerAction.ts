import { buildNoticeCard } from "../../../cards/noticeCard";
import { ANSWER_LIMITS } from "../../../assessment/answers/answerLimits";
import { saveAnswer, type SaveAnswerServices } from "../../answers/saveAnswer";
import { statementOwnView } from "../../answers/statementCardViews";
import { resolveCardTarget, type CardTargetPorts } from "../cardIdentity";
import { enteredChoice, enteredText, typedString } from "../enteredText";
import type { Ports } from "../../app/botServices";
import type { ActionHandler } from "../actionContext";

type SubmitAnswerPorts = CardTargetPorts & SaveAnswerServices & Ports<"framework">;

/**
 * A member saves (or changes) their answer. Early exits in order: card identity and role → the
 * shared saveAnswer service. Every refusal returns the card with what they typed and what to fix.
 */
export const submitAnswerAction: ActionHandler<SubmitAnswerPorts> = async (context) => {
  const target = await resolveCardTarget(context, "submitAnswer", { statementRequired: true });
  if (!target.ok || !target.statement)
    return buildNoticeCard({
      title: "Your answer was not saved",
      lines: [target.ok ? "Unknown statement." : target.message],
      tone: "warning",
    });
  const { assignment, area, statement } = target;
  const { services, caller } = context;
  const evidence = enteredText(context.data, "evidence", ANSWER_LIMITS.evidenceMaxChars);
  const ideas = enteredText(context.data, "ideas", ANSWER_LIMITS.ideasMaxChars);
  const entered = { rating: enteredChoice(context.data, "rating"), evidence: evidence.text, ideas: ideas.text };
  const cutNotes = [
    ...(evidence.cut
      ? [
          `Only the first ${ANSWER_LIMITS.evidenceMaxChars.toLocaleString("en-GB")} characters of your evidence are shown here.`,
        ]
      : []),
    ...(ideas.cut
      ? [
          `Only the first ${ANSWER_LIMITS.ideasMaxChars.toLocaleString("en-GB")} characters of your ideas are shown here.`,
        ]
      : []),
  ];
  // Read in parallel since the action arrived (dispatchAction): no trip of its own. Awaited before
  // the save, so a failed read leaves nothing saved behind a "not saved" card.
  const { timeZone } = await context.assessment;
  const result = await saveAnswer(services, {
    assignment,
    area,
    statement,
    respondent: caller.person,
    // The whole typed text, not the echo copies (cut for the card): limits apply to what was typed.
    rating: typedString(context.data, "rating"),
    evidence: typedString(context.data, "evidence"),
    ideas: typedString(context.data, "ideas"),
  });
  const view = { assignment, area, statement, timeZone, answeredCount: result.answeredCount };
  if (!result.ok)
    return statementOwnView(services, { ...view, entered, error: [result.message, ...cutNotes].join(" ") });
  return statementOwnView(services, { ...view, own: result.answer });
};
