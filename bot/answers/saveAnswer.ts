import { createHash } from "node:crypto";
import { answerSchema, type Answer } from "../../assessment/answers/answer";
import type { Person } from "../../assessment/answers/person";
import type { AuditEntry } from "../../assessment/audit/auditEntry";
import type { Area, Statement } from "../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import { StorageUnavailableError } from "../../storage/storageErrors";
import type { Ports } from "../app/botServices";

export type SaveAnswerServices = Ports<"clock" | "cardUpdater", "responses">;

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
 * has checked who may answer; this applies the rules: area open → answer valid → save with its
 * audit entry → the channel card's count refreshed. A refusal says why, so the surface can keep
 * what was typed. Two storage round trips: the statement's answers (the count, and the member's own
 * row whose version the save is conditional on), then one transaction writing the answer with its
 * audit entry, so no failure keeps one without the other.
 */
export async function saveAnswer(services: SaveAnswerServices, input: SaveAnswerInput): Promise<SaveAnswerResult> {
  const { assignment, area, statement } = input;
  const read = await services.storage.responses.readStatement(
    assignment.assessmentId,
    area.number,
    statement.id,
    input.respondent.aadObjectId,
  );
  const answeredCount = read.answers.length;
  if (assignment.status === "closed") {
    return {
      ok: false,
      reason: "closed",
      answeredCount,
      message: "This area is closed, so answers can no longer be changed. Your text is shown so you can copy it.",
    };
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
  if (!parsed.success)
    return { ok: false, reason: "invalid", answeredCount, message: describeAnswerProblem(parsed.error.issues) };
  const answer = parsed.data;
  try {
    const saved = await services.storage.responses.saveAnswer(answer, {
      read,
      audit: (previous) => ({ entry: auditEntryOf(answer, previous), entryId: answerAuditId(answer) }),
    });
    if (saved.outcome !== "unchanged") services.cardUpdater.schedule(assignment, statement.id);
    const own = saved.outcome === "unchanged" && saved.previous ? saved.previous : answer;
    return { ok: true, answer: own, answeredCount: answeredCount + (saved.outcome === "created" ? 1 : 0) };
  } catch (error) {
    if (error instanceof StorageUnavailableError) {
      return {
        ok: false,
        reason: "storageUnavailable",
        answeredCount,
        message:
          "Your answer was NOT saved: the bot's storage is not answering. Your text is kept here — please press the button again in a minute.",
      };
    }
    throw error;
  }
}

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
  return createHash("sha256")
    .update([answer.assessmentId, answer.statementId, answer.respondent.aadObjectId, answer.updatedAt].join("\n"))
    .digest("hex")
    .slice(0, 32);
}

function describeAnswerProblem(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const messages = issues.map((issue) => {
    const field = String(issue.path[0] ?? "");
    if (field === "rating") return "Choose a rating from 4 (Agree at present) to 1 (Disagree at present).";
    return issue.message;
  });
  return [...new Set(messages)].join(" ");
}
