import { createHash } from "node:crypto";
import { answerSchema, type Answer } from "../../../assessment/answers/answer";
import { buildNoticeCard } from "../../../cards/noticeCard";
import { StorageUnavailableError } from "../../../storage/storageErrors";
import { statementOwnView } from "../../answers/statementCardViews";
import { resolveCardTarget } from "../cardIdentity";
import { ANSWER_LIMITS } from "../../../assessment/answers/answerLimits";
import { enteredChoice, enteredText, typedString } from "../enteredText";
import type { ActionContext, ActionHandler } from "../actionContext";

/**
 * A member saves (or changes) their answer. Early exits in order: card identity and role → area
 * open → answer valid → save. Every refusal returns the card with what they typed and what to fix.
 */
export const submitAnswerAction: ActionHandler = async (context) => {
  const target = await resolveCardTarget(context, "submitAnswer", { statementRequired: true });
  if (!target.ok || !target.statement) return buildNoticeCard({ title: "Your answer was not saved", lines: [target.ok ? "Unknown statement." : target.message], tone: "warning" });
  const { assignment, area, statement } = target;
  const { services, caller } = context;
  const evidence = enteredText(context.data, "evidence", ANSWER_LIMITS.evidenceMaxChars);
  const ideas = enteredText(context.data, "ideas", ANSWER_LIMITS.ideasMaxChars);
  const entered = { rating: enteredChoice(context.data, "rating"), evidence: evidence.text, ideas: ideas.text };
  const cutNotes = [
    ...(evidence.cut ? [`Only the first ${ANSWER_LIMITS.evidenceMaxChars.toLocaleString("en-GB")} characters of your evidence are shown here.`] : []),
    ...(ideas.cut ? [`Only the first ${ANSWER_LIMITS.ideasMaxChars.toLocaleString("en-GB")} characters of your ideas are shown here.`] : []),
  ];
  const answeredCount = (await services.storage.responses.listStatementAnswers(assignment.assessmentId, area.number, statement.id)).length;
  const view = (error: string) =>
    statementOwnView(services, { assignment, area, statement, timeZone: context.assessment.timeZone, answeredCount, entered, error: [error, ...cutNotes].join(" ") });
  if (assignment.status === "closed") return view("This area is closed, so answers can no longer be changed. Your text is shown so you can copy it.");
  const parsed = answerSchema.safeParse({
    assessmentId: assignment.assessmentId,
    areaNumber: area.number,
    statementId: statement.id,
    respondent: caller.person,
    // The whole typed text, not the echo copies (cut for the card): limits apply to what was typed.
    rating: typedString(context.data, "rating") === "" ? undefined : Number(typedString(context.data, "rating")),
    evidence: typedString(context.data, "evidence"),
    ideas: typedString(context.data, "ideas"),
    updatedAt: services.clock().toISOString(),
  });
  if (!parsed.success) return view(describeAnswerProblem(parsed.error.issues));
  try {
    const saved = await services.storage.responses.saveAnswer(parsed.data);
    if (saved.outcome !== "unchanged") {
      await services.storage.audit.appendOnce(
        {
          assessmentId: assignment.assessmentId,
          at: parsed.data.updatedAt,
          actorAadObjectId: caller.person.aadObjectId,
          action: saved.outcome === "created" ? "answerCreated" : "answerChanged",
          target: statement.id,
          before: saved.previous ? String(saved.previous.rating) : undefined,
          after: String(parsed.data.rating),
        },
        answerAuditId(parsed.data),
      );
      services.cardUpdater.schedule(assignment, statement.id);
    } else if (saved.previous) {
      await auditRecoveredChange(services, saved.previous);
    }
    const own = saved.outcome === "unchanged" && saved.previous ? saved.previous : parsed.data;
    return statementOwnView(services, { assignment, area, statement, timeZone: context.assessment.timeZone, answeredCount: answeredCount + (saved.outcome === "created" ? 1 : 0), own });
  } catch (error) {
    if (error instanceof StorageUnavailableError) return view("Your answer was NOT saved: the bot's storage is not answering. Your text is kept here — please press the button again in a minute.");
    throw error;
  }
};

/**
 * The answer and its audit entry are two writes to two tables (no transaction spans them), so a
 * storage failure between them — or a lost response to the answer write — leaves the answer
 * without its entry while the member is told "not saved". They press again with the same text:
 * the answer is then "unchanged", and this writes the missing entry (or finds it there). The
 * rating before is unknown by then, so the entry says "answerSaved" without `before`.
 */
async function auditRecoveredChange(services: ActionContext["services"], stored: Answer): Promise<void> {
  await services.storage.audit.appendOnce(
    { assessmentId: stored.assessmentId, at: stored.updatedAt, actorAadObjectId: stored.respondent.aadObjectId, action: "answerSaved", target: stored.statementId, after: String(stored.rating) },
    answerAuditId(stored),
  );
}

/** One audit row per stored version of an answer: the same version always maps to the same id. */
function answerAuditId(answer: Answer): string {
  return createHash("sha256").update([answer.assessmentId, answer.statementId, answer.respondent.aadObjectId, answer.updatedAt].join("\n")).digest("hex").slice(0, 32);
}

function describeAnswerProblem(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const messages = issues.map((issue) => {
    const field = String(issue.path[0] ?? "");
    if (field === "rating") return "Choose a rating from 4 (Agree at present) to 1 (Disagree at present).";
    return issue.message;
  });
  return [...new Set(messages)].join(" ");
}
