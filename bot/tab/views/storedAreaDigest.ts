import type { Answer, GlobalScoreAnswer } from "../../../assessment/answers/answer";
import { buildAreaDigest, type AreaDigest } from "../../../assessment/digest/buildAreaDigest";
import { thresholdsInForce } from "../../../assessment/groups/assessmentDetails";
import type { Area } from "../../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../../assessment/groups/workingGroup";
import type { Ports } from "../../app/botServices";
import { previousCycleResults } from "../../cycles/previousCycleResults";

/**
 * An area's digest from what is stored, as the digest card builds it: the same consensus rule (the
 * one stored with the assessment when it started), the same decisions. `members` is the team's size
 * when known; otherwise those who answered (it changes only the percentages, never what is flagged).
 */
export async function storedAreaDigest(
  services: Ports<"framework" | "config", "assessments" | "moderation" | "responses">,
  assignment: AreaAssignment,
  area: Area,
  members: number | undefined,
): Promise<{ digest: AreaDigest; answers: Answer[]; globalScores: GlobalScoreAnswer[] }> {
  const { storage, framework } = services;
  const { assessmentId } = assignment;
  const [answers, globalScores, decisions, globalDecision, assessment, rounds] = await Promise.all([
    storage.responses.listAreaAnswers(assessmentId, area.number),
    storage.responses.listAreaGlobalScores(assessmentId, area.number),
    storage.moderation.listDecisions(assessmentId),
    storage.moderation.getGlobalDecision(assessmentId, area.number),
    storage.assessments.get(assessmentId),
    storage.moderation.listRounds(assessmentId),
  ]);
  // Leads see where the group stood last cycle, as in the digest card.
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
      members: Math.max(members ?? respondents, 1),
      globalScoreMax: framework.globalScoreMax,
      scale: framework.scale,
      decisions: decisions.filter((decision) => decision.areaNumber === area.number),
      ...(globalDecision ? { globalDecision } : {}),
      rounds,
      areaStatus: assignment.status,
      ...(previousCycle ? { previousCycle } : {}),
    },
    thresholdsInForce(assessment?.value, services.config.consensus),
  );
  return { digest, answers, globalScores };
}
