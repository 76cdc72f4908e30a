import { globalScoreDecisionSchema } from "../../../assessment/moderation/moderationDecision";
import { buildNoticeCard } from "../../../cards/noticeCard";
import { resolveCardTarget } from "../cardIdentity";
import { enteredWholeNumber, typedString } from "../enteredText";
import type { ActionHandler } from "../actionContext";

/** A lead or the coordinator records the area's agreed global score from the digest's first page. */
export const recordGlobalDecisionAction: ActionHandler = async (context) => {
  const target = await resolveCardTarget(context, "recordGlobalDecision", { statementRequired: false });
  if (!target.ok) return notSaved(target.message);
  const { assignment, area } = target;
  const { services, caller } = context;
  const max = services.framework.globalScoreMax;
  const parsed = globalScoreDecisionSchema.safeParse({
    assessmentId: assignment.assessmentId,
    areaNumber: area.number,
    agreedScore: enteredWholeNumber(context.data, "agreedGlobalScore"),
    rationale: typedString(context.data, "globalRationale"),
    decidedBy: caller.person,
    decidedAt: services.clock().toISOString(),
  });
  const scoreHint = `Choose the agreed global score, from 0 to ${max}.`;
  if (!parsed.success) {
    const scoreProblem = parsed.error.issues.some((issue) => issue.path[0] === "agreedScore");
    return notSaved(scoreProblem ? scoreHint : (parsed.error.issues[0]?.message ?? "Check what you entered."));
  }
  if (parsed.data.agreedScore > max) return notSaved(scoreHint);
  const saved = await services.storage.moderation.saveGlobalDecision(parsed.data);
  await services.storage.audit.append({
    assessmentId: assignment.assessmentId,
    at: parsed.data.decidedAt,
    actorAadObjectId: caller.person.aadObjectId,
    action: "globalDecisionRecorded",
    target: `area ${area.number}`,
    before: saved.previous ? String(saved.previous.agreedScore) : undefined,
    after: String(parsed.data.agreedScore),
  });
  return buildNoticeCard({
    title: `Agreed global score for area ${area.number} recorded`,
    lines: [saved.previous ? `Changed from ${saved.previous.agreedScore} to ${parsed.data.agreedScore} (out of ${max}).` : `Agreed global score: ${parsed.data.agreedScore} out of ${max}.`],
    tone: "good",
  });
};

function notSaved(message: string) {
  return buildNoticeCard({ title: "The global score was not recorded", lines: [message], tone: "warning" });
}
