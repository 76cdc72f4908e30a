import { moderationDecisionSchema, type ModerationDecision } from "../../assessment/moderation/moderationDecision";
import type { Person } from "../../assessment/answers/person";
import type { Statement } from "../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import type { BotServices } from "../app/botServices";

export type ModerationServices = Pick<BotServices, "storage" | "clock">;

export type RecordDecisionResult =
  { ok: true; decision: ModerationDecision; previous?: ModerationDecision } | { ok: false; message: string };

/**
 * Recording the agreed rating for one statement, for every surface (the digest card and the tab).
 * The caller has checked the role. The audit keeps the rating before → after, never the rationale.
 */
export async function recordDecision(
  services: ModerationServices,
  input: {
    assignment: AreaAssignment;
    statement: Statement;
    decidedBy: Person;
    agreedRating: string;
    rationale: string;
  },
): Promise<RecordDecisionResult> {
  const { assignment, statement } = input;
  const parsed = moderationDecisionSchema.safeParse({
    assessmentId: assignment.assessmentId,
    areaNumber: assignment.areaNumber,
    statementId: statement.id,
    agreedRating: input.agreedRating === "" ? undefined : Number(input.agreedRating),
    rationale: input.rationale,
    decidedBy: input.decidedBy,
    decidedAt: services.clock().toISOString(),
  });
  if (!parsed.success) {
    const ratingProblem = parsed.error.issues.some((issue) => issue.path[0] === "agreedRating");
    return {
      ok: false,
      message: ratingProblem
        ? `Choose the agreed rating for ${statement.id}, from 4 (Agree at present) to 1 (Disagree at present).`
        : (parsed.error.issues[0]?.message ?? "Check what you entered."),
    };
  }
  const saved = await services.storage.moderation.saveDecision(parsed.data);
  await services.storage.audit.append({
    assessmentId: assignment.assessmentId,
    at: parsed.data.decidedAt,
    actorAadObjectId: input.decidedBy.aadObjectId,
    action: "decisionRecorded",
    target: statement.id,
    before: saved.previous ? String(saved.previous.agreedRating) : undefined,
    after: String(parsed.data.agreedRating),
  });
  return { ok: true, decision: parsed.data, previous: saved.previous };
}
