import type { AreaAssignment, AreaStatus } from "../../assessment/groups/workingGroup";
import type { BotServices } from "../app/botServices";
import { retryOnConflict } from "../../storage/retryOnConflict";

/** Opens, closes or reopens an area (read-modify-write with a version check) and audits the change. */
export async function setAreaStatus(services: BotServices, assignment: AreaAssignment, status: AreaStatus, actorAadObjectId: string): Promise<AreaAssignment> {
  const { assignments } = services.storage;
  const result = await retryOnConflict(async () => {
    const current = await assignments.get(assignment.assessmentId, assignment.areaNumber);
    if (!current) return { before: assignment.status, after: assignment };
    const next = { ...current.value, status };
    if (current.value.status !== status) await assignments.replace(next, current.version);
    return { before: current.value.status, after: next };
  });
  if (result.before !== status) {
    await services.storage.audit.append({
      assessmentId: assignment.assessmentId,
      at: services.clock().toISOString(),
      actorAadObjectId,
      action: "setAreaStatus",
      target: `area ${assignment.areaNumber}`,
      before: result.before,
      after: status,
    });
  }
  return result.after;
}
