import { globalScoreDecisionSchema, type GlobalScoreDecision } from "../../assessment/moderation/moderationDecision";
import type { Person } from "../../assessment/answers/person";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import type { BotServices } from "../app/botServices";

export type RecordGlobalDecisionResult =
  { ok: true; decision: GlobalScoreDecision; previous?: GlobalScoreDecision } | { ok: false; message: string };

/** Recording an area's agreed global score, for every surface (digest card and tab); the caller has checked the role. */
export async function recordGlobalDecision(
  services: Pick<BotServices, "storage" | "clock" | "framework">,
  input: { assignment: AreaAssignment; decidedBy: Person; agreedScore: number | undefined; rationale: string },
): Promise<RecordGlobalDecisionResult> {
  const { assignment } = input;
  const max = services.framework.globalScoreMax;
  const parsed = globalScoreDecisionSchema.safeParse({
    assessmentId: assignment.assessmentId,
    areaNumber: assignment.areaNumber,
    agreedScore: input.agreedScore,
    rationale: input.rationale,
    decidedBy: input.decidedBy,
    decidedAt: services.clock().toISOString(),
  });
  const scoreHint = `Choose the agreed global score, from 0 to ${max}.`;
  if (!parsed.success) {
    const scoreProblem = parsed.error.issues.some((issue) => issue.path[0] === "agreedScore");
    return {
      ok: false,
      message: scoreProblem ? scoreHint : (parsed.error.issues[0]?.message ?? "Check what you entered."),
    };
  }
  if (parsed.data.agreedScore > max) return { ok: false, message: scoreHint };
  const saved = await services.storage.moderation.saveGlobalDecision(parsed.data);
  await services.storage.audit.append({
    assessmentId: assignment.assessmentId,
    at: parsed.data.decidedAt,
    actorAadObjectId: input.decidedBy.aadObjectId,
    action: "globalDecisionRecorded",
    target: `area ${assignment.areaNumber}`,
    before: saved.previous ? String(saved.previous.agreedScore) : undefined,
    after: String(parsed.data.agreedScore),
  });
  return { ok: true, decision: parsed.data, previous: saved.previous };
}
