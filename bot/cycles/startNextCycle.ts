import { compileAssessment } from "../../assessment/compile/compileAssessment";
import { cycleResultOf } from "../../assessment/cycles/cycleResult";
import { planNextCycle, type NextCyclePlan } from "../../assessment/cycles/planNextCycle";
import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { Ports } from "../app/botServices";
import { cycleAssessmentId } from "../app/currentAssessment";
import { setAreaStatus } from "../answers/setAreaStatus";
import { gatherCompileInput } from "../compile/gatherCompileInput";

export type NextCycleOutcome =
  | { kind: "started"; next: AssessmentDetails; plan: NextCyclePlan }
  /** Another press (or instance) closed this assessment first: nothing more was written. */
  | { kind: "alreadyStarted"; nextAssessmentId: string };

/** Compiling the closed cycle's result, creating the next one, closing the areas and auditing it all. */
export type StartNextCyclePorts = Ports<
  "clock" | "config" | "framework",
  "assessments" | "assignments" | "audit" | "responses" | "moderation" | "actionItems"
>;

/**
 * Closes `current` and starts the next cycle with its working groups. Every step may be repeated
 * (a double click, two instances, a retry after a crash): the next assessment and its areas are
 * created only if absent, closing an area that is closed changes nothing, and the step that makes
 * the new cycle current — naming it on the closed one — is last and written (and audited) once.
 */
export async function startNextCycle(
  services: StartNextCyclePorts,
  current: AssessmentDetails,
  by: { tenantId: string; aadObjectId: string },
): Promise<NextCycleOutcome> {
  const actorAadObjectId = by.aadObjectId;
  if (current.nextAssessmentId !== undefined)
    return { kind: "alreadyStarted", nextAssessmentId: current.nextAssessmentId };
  const now = services.clock();
  const assignments = await services.storage.assignments.list(current.id);
  const plan = planNextCycle(current, assignments, {
    nextAssessmentId: cycleAssessmentId(by.tenantId, (current.cycle ?? 1) + 1),
    now: now.toISOString(),
    thresholds: services.config.consensus,
    confirmedBy: actorAadObjectId,
  });
  // The agreed result is kept with the closed cycle, so the next one compares without recompiling it.
  const result = cycleResultOf(
    compileAssessment(
      await gatherCompileInput({
        storage: services.storage,
        framework: services.framework,
        thresholds: services.config.consensus,
        assessmentId: current.id,
        // Dated as last compiled (the document the council has), else today.
        now: current.compiledAt === undefined ? now : new Date(current.compiledAt),
      }),
    ),
  );
  const created = await services.storage.assessments.updateWith(plan.details.id, (stored) =>
    stored === undefined ? plan.details : undefined,
  );
  for (const assignment of plan.carried)
    await services.storage.assignments.updateWith(assignment.assessmentId, assignment.areaNumber, (stored) =>
      stored === undefined ? assignment : undefined,
    );
  // Closed areas take no answers and get no digests; what was given stays, read-only.
  for (const assignment of assignments) await setAreaStatus(services, assignment, "closed", actorAadObjectId);
  // Through the repository, so this instance's reused read of the assessment (getOrCreate keeps it
  // 10 s) is dropped and its next command finds the new cycle. The reuse is per instance: another
  // one may read the closed cycle as current for up to those 10 s, where its closed areas refuse
  // answers and a second confirm ends as "alreadyStarted" below.
  const closed = await services.storage.assessments.updateWith(current.id, (stored) =>
    stored === undefined || stored.nextAssessmentId !== undefined
      ? undefined
      : { ...stored, nextAssessmentId: plan.details.id, closedAt: now.toISOString(), result },
  );
  if (!closed.written) {
    const next = closed.current?.value.nextAssessmentId;
    if (next === undefined) throw new Error(`Assessment ${current.id} disappeared while starting the next cycle`);
    return { kind: "alreadyStarted", nextAssessmentId: next };
  }
  await services.storage.audit.append({
    assessmentId: current.id,
    at: now.toISOString(),
    actorAadObjectId,
    action: "newCycleStarted",
    target: "assessment",
    after: JSON.stringify({ next: plan.details.id, areasCarried: plan.carried.map((area) => area.areaNumber) }),
  });
  const next = created.current?.value;
  if (!next) throw new Error(`Assessment ${plan.details.id} was neither found nor created`);
  return { kind: "started", next, plan };
}
