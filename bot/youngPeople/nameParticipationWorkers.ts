import type { Person } from "../../assessment/answers/person";
import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { Ports } from "../app/botServices";

/**
 * Names the people who may enter the young people's scores besides the coordinator (an empty list
 * names nobody), replacing whoever was named before. Audited before → after by Entra object id,
 * never by name. The caller has checked the role and resolved the people through the roster.
 */
export async function nameParticipationWorkers(
  services: Ports<"clock", "assessments" | "audit">,
  assessment: AssessmentDetails,
  actorAadObjectId: string,
  workers: readonly Person[],
): Promise<void> {
  const at = services.clock().toISOString();
  const named = workers.map(({ aadObjectId, teamsUserId, name }) => ({ aadObjectId, teamsUserId, name }));
  const outcome = await services.storage.assessments.updateWith(assessment.id, (current) => ({
    ...(current ?? assessment),
    participationWorkers: named,
  }));
  const before = outcome.previous?.participationWorkers ?? [];
  await services.storage.audit.append({
    assessmentId: assessment.id,
    at,
    actorAadObjectId,
    action: "participationWorkersNamed",
    target: "assessment",
    before: JSON.stringify(before.map((person) => person.aadObjectId)),
    after: JSON.stringify(named.map((person) => person.aadObjectId)),
  });
}
