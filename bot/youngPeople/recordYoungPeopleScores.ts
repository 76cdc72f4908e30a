import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import { mergeYoungPeopleScores, type YoungPeopleScores } from "../../assessment/youngPeople/youngPeopleScores";
import type { Ports } from "../app/botServices";

/**
 * Records young people's scores for the areas given (others keep theirs), audited with the areas
 * changed and never the note's text. The one service behind the `youngpeople` command and its card.
 */
export async function recordYoungPeopleScores(
  services: Ports<"clock", "assessments" | "audit">,
  assessment: AssessmentDetails,
  actorAadObjectId: string,
  update: { scores: Record<number, number>; source: string | undefined },
): Promise<YoungPeopleScores> {
  const at = services.clock().toISOString();
  const outcome = await services.storage.assessments.updateWith(assessment.id, (current) => {
    const base = current ?? assessment;
    return { ...base, youngPeople: mergeYoungPeopleScores(base.youngPeople, update, at) };
  });
  const saved = outcome.current?.value.youngPeople ?? mergeYoungPeopleScores(assessment.youngPeople, update, at);
  await services.storage.audit.append({
    assessmentId: assessment.id,
    at,
    actorAadObjectId,
    action: "youngPeopleScoresRecorded",
    target: "assessment",
    after: JSON.stringify({
      areas: Object.keys(update.scores).map(Number),
      sourceChanged: update.source !== undefined,
    }),
  });
  return saved;
}
