import type { CycleResult } from "../../assessment/cycles/cycleResult";
import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { AppStorage } from "../../storage/openStorage";
import { firstAssessmentId, latestCycle } from "../app/currentAssessment";

export type ImportOutcome =
  { kind: "imported"; previous: AssessmentDetails; current: AssessmentDetails } | { kind: "refused"; reason: string };

/**
 * Stores a previous cycle's agreed result (read from CSV: see cycleResultFromCsv) as a closed
 * assessment before the tenant's current one, which then compares with it. Storage only, so the
 * `import-cycle` script runs it without the bot. Refused when the current cycle already has a
 * previous one: an import never rewrites history the bot recorded.
 */
export async function importPreviousCycle(
  storage: Pick<AppStorage, "assessments" | "audit">,
  options: { tenantId: string; result: CycleResult; now: Date; actor: string },
): Promise<ImportOutcome> {
  const first = await storage.assessments.get(firstAssessmentId(options.tenantId));
  if (!first)
    return {
      kind: "refused",
      reason: "this tenant has no assessment yet: the coordinator types details in Teams first",
    };
  const current = await latestCycle(storage.assessments, first.value);
  if (current.previousAssessmentId !== undefined)
    return { kind: "refused", reason: `the current cycle already follows ${current.previousAssessmentId}` };
  const at = options.now.toISOString();
  const previous: AssessmentDetails = {
    id: `${current.id}.previous.${options.result.completedOn}`,
    frameworkId: current.frameworkId,
    frameworkVersion: current.frameworkVersion,
    localAuthority: current.localAuthority,
    timeZone: current.timeZone,
    createdAt: at,
    closedAt: at,
    nextAssessmentId: current.id,
    result: options.result,
  };
  await storage.assessments.updateWith(previous.id, (stored) => (stored === undefined ? previous : undefined));
  const linked = await storage.assessments.updateWith(current.id, (stored) =>
    stored === undefined || stored.previousAssessmentId !== undefined
      ? undefined
      : { ...stored, previousAssessmentId: previous.id },
  );
  if (!linked.written || !linked.current)
    return { kind: "refused", reason: "the current cycle changed while importing: run the import again" };
  await storage.audit.append({
    assessmentId: current.id,
    at,
    actorAadObjectId: options.actor,
    action: "previousCycleImported",
    target: "assessment",
    after: JSON.stringify({
      previous: previous.id,
      ratings: Object.keys(options.result.ratings).length,
      globalScores: Object.keys(options.result.globalScores).length,
    }),
  });
  return { kind: "imported", previous, current: linked.current.value };
}
