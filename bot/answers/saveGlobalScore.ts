import { globalScoreAnswerSchema, type GlobalScoreAnswer } from "../../assessment/answers/answer";
import type { Person } from "../../assessment/answers/person";
import type { Area } from "../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import { StorageUnavailableError } from "../../storage/storageErrors";
import type { Ports } from "../app/botServices";

export type SaveGlobalScoreResult =
  | { ok: true; answer: GlobalScoreAnswer; answeredCount: number }
  | { ok: false; message: string; answeredCount: number };

/**
 * A member's global score for an area (0 to the framework's maximum), for every surface (card and
 * tab); the caller has checked the role. `score` is the whole number read from what was entered.
 */
export async function saveGlobalScore(
  services: Ports<"clock" | "cardUpdater" | "framework", "responses" | "audit">,
  input: { assignment: AreaAssignment; area: Area; respondent: Person; score: number | undefined },
): Promise<SaveGlobalScoreResult> {
  const { assignment, area, score } = input;
  const scores = await services.storage.responses.listAreaGlobalScores(assignment.assessmentId, area.number);
  const answeredCount = scores.length;
  if (assignment.status === "closed")
    return { ok: false, answeredCount, message: "This area is closed, so scores can no longer be changed." };
  const max = services.framework.globalScoreMax;
  if (score === undefined || score > max)
    return { ok: false, answeredCount, message: `Choose a score from 0 to ${max}.` };
  const answer = globalScoreAnswerSchema.parse({
    assessmentId: assignment.assessmentId,
    areaNumber: area.number,
    respondent: input.respondent,
    score,
    updatedAt: services.clock().toISOString(),
  });
  try {
    const saved = await services.storage.responses.saveGlobalScore(answer);
    if (saved.outcome !== "unchanged") {
      await services.storage.audit.append({
        assessmentId: assignment.assessmentId,
        at: answer.updatedAt,
        actorAadObjectId: input.respondent.aadObjectId,
        action: saved.outcome === "created" ? "globalScoreCreated" : "globalScoreChanged",
        target: `area ${area.number}`,
        before: saved.previous ? String(saved.previous.score) : undefined,
        after: String(score),
      });
      services.cardUpdater.schedule(assignment, "global");
    }
    return { ok: true, answer, answeredCount: answeredCount + (saved.outcome === "created" ? 1 : 0) };
  } catch (error) {
    if (error instanceof StorageUnavailableError)
      return {
        ok: false,
        answeredCount,
        message: "Your score was NOT saved: the bot's storage is not answering. Please try again in a minute.",
      };
    throw error;
  }
}
