import type { Person } from "../../../assessment/answers/person";
import { buildAreaDigest } from "../../../assessment/digest/buildAreaDigest";
import { thresholdsInForce } from "../../../assessment/groups/assessmentDetails";
import type { Area } from "../../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../../assessment/groups/workingGroup";
import type { BotServices } from "../../app/botServices";
import { areaProgress } from "../../answers/areaProgress";
import type { EvidenceByRating, LeadAreaView } from "../tabApiContract";
import { previousCycleResults } from "../../cycles/previousCycleResults";

/**
 * The lead's area view: the digest the bot sends (same consensus rule, same decisions), who has
 * not answered from the channel's roster, and each statement's evidence grouped by the rating it came with.
 */
export async function leadAreaView(
  services: Pick<BotServices, "storage" | "framework" | "config">,
  assignment: AreaAssignment,
  area: Area,
  roster: readonly Person[] | undefined,
): Promise<LeadAreaView> {
  const { storage, framework } = services;
  const { assessmentId } = assignment;
  const [answers, globalScores, decisions, globalDecision, assessment] = await Promise.all([
    storage.responses.listAreaAnswers(assessmentId, area.number),
    storage.responses.listAreaGlobalScores(assessmentId, area.number),
    storage.moderation.listDecisions(assessmentId),
    storage.moderation.getGlobalDecision(assessmentId, area.number),
    storage.assessments.get(assessmentId),
  ]);
  const previousCycle = assessment
    ? (await previousCycleResults(storage.assessments, assessment.value)).at(-1)
    : undefined;
  const respondents = new Set(answers.map((answer) => answer.respondent.aadObjectId)).size;
  const digest = buildAreaDigest(
    {
      assessmentId,
      area,
      answers,
      globalScores,
      members: Math.max(roster?.length ?? respondents, 1),
      globalScoreMax: framework.globalScoreMax,
      scale: framework.scale,
      decisions: decisions.filter((decision) => decision.areaNumber === area.number),
      ...(globalDecision ? { globalDecision } : {}),
      ...(previousCycle ? { previousCycle } : {}),
    },
    // The rule stored with the assessment when it started, as the digest card applies it.
    thresholdsInForce(assessment?.value, services.config.consensus),
  );
  const evidence: Record<string, EvidenceByRating[]> = {};
  for (const statement of area.statements) {
    const theirs = answers.filter(
      (answer) => answer.statementId === statement.id && (answer.evidence !== "" || answer.ideas !== ""),
    );
    evidence[statement.id] = [4, 3, 2, 1]
      .map((rating) => ({
        rating,
        entries: theirs
          .filter((answer) => answer.rating === rating)
          .map((answer) => ({
            author: answer.respondent.name || "A member",
            evidence: answer.evidence,
            ideas: answer.ideas,
          })),
      }))
      .filter((group) => group.entries.length > 0);
  }
  const progress = roster ? areaProgress(area, answers, globalScores, roster) : undefined;
  return {
    digest,
    globalScoreMax: framework.globalScoreMax,
    status: assignment.status,
    evidence,
    ...(progress
      ? {
          notAnswered: progress.notDone.map(({ person, missing }) => ({
            name: person.name || "A member",
            missing: missing.length,
          })),
        }
      : {}),
  };
}
