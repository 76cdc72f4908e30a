import { createHash } from "node:crypto";
import { answerSchema, type Answer } from "../../assessment/answers/answer";
import type { Person } from "../../assessment/answers/person";
import type { Area, Statement } from "../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import { StorageUnavailableError } from "../../storage/storageErrors";
import type { BotServices } from "../app/botServices";

export type SaveAnswerServices = Pick<BotServices, "storage" | "clock" | "cardUpdater">;

export interface SaveAnswerInput {
  assignment: AreaAssignment;
  area: Area;
  statement: Statement;
  respondent: Person;
  /** As typed: untrusted text, validated here so every surface applies the same rules. */
  rating: string;
  evidence: string;
  ideas: string;
}

export type SaveAnswerResult =
  | { ok: true; answer: Answer; answeredCount: number }
  | { ok: false; reason: "closed" | "invalid" | "storageUnavailable"; message: string; answeredCount: number };

/**
 * Saving (or changing) one member's answer, for every surface (the card and the tab). The caller
 * has checked who may answer; this applies the rules: area open → answer valid → save → audit →
 * the channel card's count refreshed. A refusal says why, so the surface can keep what was typed.
 */
export async function saveAnswer(services: SaveAnswerServices, input: SaveAnswerInput): Promise<SaveAnswerResult> {
  const { assignment, area, statement } = input;
  const answeredCount = (await services.storage.responses.listStatementAnswers(assignment.assessmentId, area.number, statement.id)).length;
  if (assignment.status === "closed") {
    return { ok: false, reason: "closed", answeredCount, message: "This area is closed, so answers can no longer be changed. Your text is shown so you can copy it." };
  }
  const parsed = answerSchema.safeParse({
    assessmentId: assignment.assessmentId,
    areaNumber: area.number,
    statementId: statement.id,
    respondent: input.respondent,
    rating: input.rating === "" ? undefined : Number(input.rating),
    evidence: input.evidence,
    ideas: input.ideas,
    updatedAt: services.clock().toISOString(),
  });
  if (!parsed.success) return { ok: false, reason: "invalid", answeredCount, message: describeAnswerProblem(parsed.error.issues) };
  try {
    const saved = await services.storage.responses.saveAnswer(parsed.data);
    if (saved.outcome !== "unchanged") {
      await services.storage.audit.appendOnce(
        {
          assessmentId: assignment.assessmentId,
          at: parsed.data.updatedAt,
          actorAadObjectId: input.respondent.aadObjectId,
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
    const answer = saved.outcome === "unchanged" && saved.previous ? saved.previous : parsed.data;
    return { ok: true, answer, answeredCount: answeredCount + (saved.outcome === "created" ? 1 : 0) };
  } catch (error) {
    if (error instanceof StorageUnavailableError) {
      return { ok: false, reason: "storageUnavailable", answeredCount, message: "Your answer was NOT saved: the bot's storage is not answering. Your text is kept here — please press the button again in a minute." };
    }
    throw error;
  }
}

/**
 * The answer and its audit entry are two writes to two tables (no transaction spans them), so a
 * storage failure between them — or a lost response to the answer write — leaves the answer
 * without its entry while the member is told "not saved". They press again with the same text:
 * the answer is then "unchanged", and this writes the missing entry (or finds it there). The
 * rating before is unknown by then, so the entry says "answerSaved" without `before`.
 */
async function auditRecoveredChange(services: SaveAnswerServices, stored: Answer): Promise<void> {
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
