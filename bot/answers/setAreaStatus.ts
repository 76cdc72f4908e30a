import type { AreaAssignment, AreaStatus } from "../../assessment/groups/workingGroup";
import type { Ports } from "../app/botServices";

/** Opens, closes or reopens an area (version-checked read-modify-write) and audits a real change. */
export async function setAreaStatus(
  services: Ports<"clock", "assignments" | "audit">,
  assignment: AreaAssignment,
  status: AreaStatus,
  actorAadObjectId: string,
): Promise<AreaAssignment> {
  const outcome = await services.storage.assignments.updateWith(
    assignment.assessmentId,
    assignment.areaNumber,
    (current) => (current && current.status !== status ? { ...current, status } : undefined),
  );
  if (outcome.written && outcome.previous) {
    await services.storage.audit.append({
      assessmentId: assignment.assessmentId,
      at: services.clock().toISOString(),
      actorAadObjectId,
      action: "setAreaStatus",
      target: `area ${assignment.areaNumber}`,
      before: outcome.previous.status,
      after: status,
    });
  }
  return outcome.current?.value ?? assignment;
}
