import { globalScoreAnswerSchema, type GlobalScoreAnswer } from "../../assessment/answers/answer";
import type { Person } from "../../assessment/answers/person";
import type { Area } from "../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import { StorageUnavailableError } from "../../storage/storageErrors";
import { responseAuditId } from "./responseAuditId";
import type { Ports } from "../app/botServices";

export type SaveGlobalScoreResult =
  | { ok: true; answer: GlobalScoreAnswer; answeredCount: number }
  | { ok: false; message: string; answeredCount: number };

/**
 * A member's global score for an area (0 to the framework's maximum), for every surface (card and
 * tab); the caller has checked the role. `score` is the whole number read from what was entered.
 * Two storage round trips, as for an answer (saveAnswer.ts): the area's scores (the count, and the
 * member's own row whose version the save is conditional on), then one transaction writing the
 * score with its audit entry.
 */
export async function saveGlobalScore(
  services: Ports<"clock" | "cardUpdater" | "framework", "responses">,
  input: { assignment: AreaAssignment; area: Area; respondent: Person; score: number | undefined },
): Promise<SaveGlobalScoreResult> {
  const { assignment, area, score } = input;
  const read = await services.storage.responses.readGlobalScores(
    assignment.assessmentId,
    area.number,
    input.respondent.aadObjectId,
  );
  const answeredCount = read.scores.length;
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
    const saved = await services.storage.responses.saveGlobalScore(answer, {
      read,
      audit: (previous) => ({
        entry: {
          assessmentId: assignment.assessmentId,
          at: answer.updatedAt,
          actorAadObjectId: input.respondent.aadObjectId,
          action: previous ? "globalScoreChanged" : "globalScoreCreated",
          target: `area ${area.number}`,
          before: previous ? String(previous.score) : undefined,
          after: String(score),
        },
        entryId: responseAuditId(answer, "global"),
      }),
    });
    if (saved.outcome !== "unchanged") services.cardUpdater.schedule(assignment, "global");
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
