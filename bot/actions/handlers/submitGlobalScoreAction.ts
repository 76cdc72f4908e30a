import { globalScoreAnswerSchema } from "../../../assessment/answers/answer";
import { buildNoticeCard } from "../../../cards/noticeCard";
import { StorageUnavailableError } from "../../../storage/storageErrors";
import { globalOwnView } from "../../answers/statementCardViews";
import { resolveCardTarget } from "../cardIdentity";
import { enteredString, enteredWholeNumber } from "../enteredText";
import type { ActionHandler } from "../actionContext";

/** A member saves or changes their global score for the area (0 to the framework's maximum). */
export const submitGlobalScoreAction: ActionHandler = async (context) => {
  const target = await resolveCardTarget(context, "submitGlobalScore", { statementRequired: false });
  if (!target.ok) return buildNoticeCard({ title: "Your score was not saved", lines: [target.message], tone: "warning" });
  const { assignment, area } = target;
  const { services, caller } = context;
  const enteredScore = enteredString(context.data, "score");
  const [scores, { timeZone }] = await Promise.all([services.storage.responses.listAreaGlobalScores(assignment.assessmentId, area.number), context.assessment]);
  const view = (error: string) => globalOwnView(services, { assignment, area, timeZone, answeredCount: scores.length, enteredScore, error });
  if (assignment.status === "closed") return view("This area is closed, so scores can no longer be changed.");
  const max = services.framework.globalScoreMax;
  const score = enteredWholeNumber(context.data, "score");
  if (score === undefined || score > max) return view(`Choose a score from 0 to ${max}.`);
  const answer = globalScoreAnswerSchema.parse({ assessmentId: assignment.assessmentId, areaNumber: area.number, respondent: caller.person, score, updatedAt: services.clock().toISOString() });
  try {
    const saved = await services.storage.responses.saveGlobalScore(answer);
    if (saved.outcome !== "unchanged") {
      await services.storage.audit.append({
        assessmentId: assignment.assessmentId,
        at: answer.updatedAt,
        actorAadObjectId: caller.person.aadObjectId,
        action: saved.outcome === "created" ? "globalScoreCreated" : "globalScoreChanged",
        target: `area ${area.number}`,
        before: saved.previous ? String(saved.previous.score) : undefined,
        after: String(score),
      });
      services.cardUpdater.schedule(assignment, "global");
    }
    return globalOwnView(services, { assignment, area, timeZone, answeredCount: scores.length + (saved.outcome === "created" ? 1 : 0), own: answer });
  } catch (error) {
    if (error instanceof StorageUnavailableError) return view("Your score was NOT saved: the bot's storage is not answering. Please try again in a minute.");
    throw error;
  }
};
