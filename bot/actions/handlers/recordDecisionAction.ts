import { moderationDecisionSchema } from "../../../assessment/moderation/moderationDecision";
import { buildNoticeCard } from "../../../cards/noticeCard";
import { resolveCardTarget } from "../cardIdentity";
import { typedString } from "../enteredText";
import type { ActionHandler } from "../actionContext";

/**
 * A lead (from their personal chat or the group's channel) or the coordinator records the agreed
 * rating for one statement from the digest. The audit keeps the rating before → after, never the rationale.
 */
export const recordDecisionAction: ActionHandler = async (context) => {
  const target = await resolveCardTarget(context, "recordDecision", { statementRequired: true });
  if (!target.ok || !target.statement) return notSaved(target.ok ? "Unknown statement." : target.message);
  const { assignment, area, statement } = target;
  const { services, caller } = context;
  const rating = typedString(context.data, `agreed_${statement.id}`);
  const parsed = moderationDecisionSchema.safeParse({
    assessmentId: assignment.assessmentId,
    areaNumber: area.number,
    statementId: statement.id,
    agreedRating: rating === "" ? undefined : Number(rating),
    rationale: typedString(context.data, `rationale_${statement.id}`),
    decidedBy: caller.person,
    decidedAt: services.clock().toISOString(),
  });
  if (!parsed.success) {
    const ratingProblem = parsed.error.issues.some((issue) => issue.path[0] === "agreedRating");
    return notSaved(ratingProblem ? `Choose the agreed rating for ${statement.id}, from 4 (Agree at present) to 1 (Disagree at present).` : (parsed.error.issues[0]?.message ?? "Check what you entered."));
  }
  const saved = await services.storage.moderation.saveDecision(parsed.data);
  await services.storage.audit.append({
    assessmentId: assignment.assessmentId,
    at: parsed.data.decidedAt,
    actorAadObjectId: caller.person.aadObjectId,
    action: "decisionRecorded",
    target: statement.id,
    before: saved.previous ? String(saved.previous.agreedRating) : undefined,
    after: String(parsed.data.agreedRating),
  });
  return buildNoticeCard({
    title: `Agreed rating for ${statement.id} recorded`,
    lines: [`${statement.id}: ${statement.text}`, saved.previous ? `Changed from ${saved.previous.agreedRating} to ${parsed.data.agreedRating}.` : `Agreed rating: ${parsed.data.agreedRating}.`],
    tone: "good",
  });
};

function notSaved(message: string) {
  return buildNoticeCard({ title: "The decision was not recorded", lines: [message], tone: "warning" });
}
