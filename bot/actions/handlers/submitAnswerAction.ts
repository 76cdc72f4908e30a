import { createHash } from "node:crypto";
import { answerSchema, type Answer } from "../../../assessment/answers/answer";
import type { AuditEntry } from "../../../assessment/audit/auditEntry";
import { buildNoticeCard } from "../../../cards/noticeCard";
import { StorageUnavailableError } from "../../../storage/storageErrors";
import { statementOwnView } from "../../answers/statementCardViews";
import { resolveCardTarget } from "../cardIdentity";
import { enteredString, typedString } from "../enteredText";
import type { ActionHandler } from "../actionContext";

/**
 * A member saves (or changes) their answer. Early exits in order: card identity and role → area
 * open → answer valid → save. Every refusal returns the card with what they typed and what to fix.
 * Three storage round trips, one after the other: the assignment (card identity and role), the
 * statement's answers (the count on the card and the member's own row, whose version the save is
 * conditional on), and one transaction writing the answer with its audit entry.
 */
export const submitAnswerAction: ActionHandler = async (context) => {
  const target = await resolveCardTarget(context, "submitAnswer", { statementRequired: true });
  if (!target.ok || !target.statement) return buildNoticeCard({ title: "Your answer was not saved", lines: [target.ok ? "Unknown statement." : target.message], tone: "warning" });
  const { assignment, area, statement } = target;
  const { services, caller } = context;
  const entered = { rating: enteredString(context.data, "rating"), evidence: enteredString(context.data, "evidence"), ideas: enteredString(context.data, "ideas") };
  // The assessment (for its time zone) was read in parallel with the assignment: no trip of its own.
  const [read, { timeZone }] = await Promise.all([
    services.storage.responses.readStatement(assignment.assessmentId, area.number, statement.id, caller.person.aadObjectId),
    context.assessment,
  ]);
  const answeredCount = read.answers.length;
  const view = (error?: string) => statementOwnView(services, { assignment, area, statement, timeZone, answeredCount, entered, error });
  if (assignment.status === "closed") return view("This area is closed, so answers can no longer be changed. Your text is shown so you can copy it.");
  const parsed = answerSchema.safeParse({
    assessmentId: assignment.assessmentId,
    areaNumber: area.number,
    statementId: statement.id,
    respondent: caller.person,
    rating: entered.rating === "" ? undefined : Number(entered.rating),
    // The whole typed text, not the echo copy (cut for the card): limits apply to what was typed.
    evidence: typedString(context.data, "evidence"),
    ideas: typedString(context.data, "ideas"),
    updatedAt: services.clock().toISOString(),
  });
  if (!parsed.success) return view(describeAnswerProblem(parsed.error.issues));
  const answer = parsed.data;
  try {
    const saved = await services.storage.responses.saveAnswer(answer, { read, audit: (previous) => ({ entry: auditEntryOf(answer, previous), entryId: answerAuditId(answer) }) });
    if (saved.outcome !== "unchanged") services.cardUpdater.schedule(assignment, statement.id);
    const own = saved.outcome === "unchanged" && saved.previous ? saved.previous : answer;
    return statementOwnView(services, { assignment, area, statement, timeZone, answeredCount: answeredCount + (saved.outcome === "created" ? 1 : 0), own });
  } catch (error) {
    if (error instanceof StorageUnavailableError) return view("Your answer was NOT saved: the bot's storage is not answering. Your text is kept here — please press the button again in a minute.");
    throw error;
  }
};

function auditEntryOf(answer: Answer, previous: Answer | undefined): AuditEntry {
  return {
    assessmentId: answer.assessmentId,
    at: answer.updatedAt,
    actorAadObjectId: answer.respondent.aadObjectId,
    action: previous ? "answerChanged" : "answerCreated",
    target: answer.statementId,
    before: previous ? String(previous.rating) : undefined,
    after: String(answer.rating),
  };
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
