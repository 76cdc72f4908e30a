import { buildNoticeCard } from "../../../cards/noticeCard";
import { saveAnswer } from "../../answers/saveAnswer";
import { statementOwnView } from "../../answers/statementCardViews";
import { resolveCardTarget } from "../cardIdentity";
import { enteredString, typedString } from "../enteredText";
import type { ActionHandler } from "../actionContext";

/**
 * A member saves (or changes) their answer. Early exits in order: card identity and role → the
 * shared saveAnswer service. Every refusal returns the card with what they typed and what to fix.
 */
export const submitAnswerAction: ActionHandler = async (context) => {
  const target = await resolveCardTarget(context, "submitAnswer", { statementRequired: true });
  if (!target.ok || !target.statement) return buildNoticeCard({ title: "Your answer was not saved", lines: [target.ok ? "Unknown statement." : target.message], tone: "warning" });
  const { assignment, area, statement } = target;
  const { services, caller } = context;
  const entered = { rating: enteredString(context.data, "rating"), evidence: enteredString(context.data, "evidence"), ideas: enteredString(context.data, "ideas") };
  const result = await saveAnswer(services, {
    assignment,
    area,
    statement,
    respondent: caller.person,
    rating: entered.rating,
    // The whole typed text, not the echo copy (cut for the card): limits apply to what was typed.
    evidence: typedString(context.data, "evidence"),
    ideas: typedString(context.data, "ideas"),
  });
  if (!result.ok) return statementOwnView(services, { assignment, area, statement, timeZone: context.assessment.timeZone, answeredCount: result.answeredCount, entered, error: result.message });
  return statementOwnView(services, { assignment, area, statement, timeZone: context.assessment.timeZone, answeredCount: result.answeredCount, own: result.answer });
};
