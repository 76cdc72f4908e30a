import { globalScoreAnswerSchema, type GlobalScoreAnswer } from "../../assessment/answers/answer";
import type { Person } from "../../assessment/answers/person";
import type { Area } from "../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import { StorageUnavailableError } from "../../storage/storageErrors";
import { responseAuditId } from "./responseAuditId";
import { countIfKnown, countWith } from "./saveAnswer";
import type { Ports } from "../app/botServices";

export type SaveGlobalScoreResult =
  | { ok: true; answer: GlobalScoreAnswer; answeredCount: number }
  | { ok: false; message: string; answeredCount: number };

/**
 * A member's global score for an area (0 to the framework's maximum), for every surface (card and
 * tab); the caller has checked the role. `score` is the whole number read from what was entered.
 * Saved as an answer is (saveAnswer.ts): one single-entity write of the score with its audit entry in the row's trail,
 * conditional on the member's row as this instance last saw it, with who has given a score read
 * alongside when this instance has not read it lately.
 */
export async function saveGlobalScore(
  services: Ports<"clock" | "cardUpdater" | "framework", "responses">,
  input: { assignment: AreaAssignment; area: Area; respondent: Person; score: number | undefined },
): Promise<SaveGlobalScoreResult> {
  const { assignment, area, score } = input;
  const { responses } = services.storage;
  const me = input.respondent.aadObjectId;
  const respondents = responses.globalScoreRespondents(assignment.assessmentId, area.number);
  if (assignment.status === "closed")
    return {
      ok: false,
      answeredCount: (await respondents).size,
      message: "This area is closed, so scores can no longer be changed.",
    };
  const max = services.framework.globalScoreMax;
  if (score === undefined || score > max)
    return { ok: false, answeredCount: (await respondents).size, message: `Choose a score from 0 to ${max}.` };
  const answer = globalScoreAnswerSchema.parse({
    assessmentId: assignment.assessmentId,
    areaNumber: area.number,
    respondent: input.respondent,
    score,
    updatedAt: services.clock().toISOString(),
  });
  try {
    const [saved, answered] = await Promise.all([
      responses.saveGlobalScore(answer, {
        audit: (previous) => ({
          entry: {
            assessmentId: assignment.assessmentId,
            at: answer.updatedAt,
            actorAadObjectId: me,
            action: previous ? "globalScoreChanged" : "globalScoreCreated",
            target: `area ${area.number}`,
            before: previous ? String(previous.score) : undefined,
            after: String(score),
          },
          entryId: responseAuditId(answer, "global"),
        }),
      }),
      respondents,
    ]);
    if (saved.outcome !== "unchanged") services.cardUpdater.schedule(assignment, "global");
    return { ok: true, answer, answeredCount: countWith(answered, me) };
  } catch (error) {
    if (error instanceof StorageUnavailableError)
      return {
        ok: false,
        answeredCount: await countIfKnown(respondents),
        message: "Your score was NOT saved: the bot's storage is not answering. Please try again in a minute.",
      };
    throw error;
  }
}
