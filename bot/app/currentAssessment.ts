import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { Ports } from "./botServices";
import { sameThresholds } from "../../assessment/consensus/consensusThresholds";
import type { AppStorage } from "../../storage/openStorage";

/** Each `new cycle` adds one hop; a chain longer than this is corrupt data, not decades of cycles. */
const MAX_CYCLES = 100;

/**
 * The id of a tenant's assessment in a given cycle. The first is derived from the tenant, so every
 * instance of the bot agrees without a lookup; later ones are reached from it (see getCurrentAssessment).
 */
export function cycleAssessmentId(tenantId: string, cycle: number): string {
  return `${tenantId || "local"}.${cycle}`;
}

/** The tenant's first assessment: created on first use, the start of its chain of cycles. */
export function firstAssessmentId(tenantId: string): string {
  return cycleAssessmentId(tenantId, 1);
}

/** Reading (or creating) the tenant's assessment and recording the consensus rule configured for it. */
export type AssessmentPorts = Ports<"config" | "framework" | "clock", "assessments" | "audit">;

/**
 * The assessment a tenant is working on. One runs at a time per tenant: the first cycle's row is
 * created on first use, and each closed cycle names the next (`nextAssessmentId`), so the current
 * one is found by following that chain — one read per cycle, and cycles are years apart.
 */
export async function getCurrentAssessment(services: AssessmentPorts, tenantId: string): Promise<AssessmentDetails> {
  const id = firstAssessmentId(tenantId);
  const configured = services.config.consensus;
  const first = await services.storage.assessments.getOrCreate(id, () => ({
    id,
    frameworkId: services.framework.id,
    frameworkVersion: services.framework.version,
    localAuthority: "",
    timeZone: services.config.defaultTimeZone,
    createdAt: services.clock().toISOString(),
    consensusThresholds: { ...configured },
  }));
  const current = await latestCycle(services.storage.assessments, first.value);
  const stored = current.consensusThresholds;
  if (stored && sameThresholds(stored, configured)) return current;
  return recordConfiguredRule(services, current);
}

/** The last cycle reached from `first` through each closed cycle's `nextAssessmentId` (the admin CLI uses it too). */
export async function latestCycle(
  assessments: Pick<AppStorage["assessments"], "get">,
  first: AssessmentDetails,
): Promise<AssessmentDetails> {
  let current = first;
  for (let hops = 0; current.nextAssessmentId !== undefined; hops++) {
    if (hops >= MAX_CYCLES) throw new Error(`Assessment ${first.id} has more than ${MAX_CYCLES} cycles`);
    const next = await assessments.get(current.nextAssessmentId);
    // `new cycle` creates the next assessment before naming it, so a missing one is damage, not a race.
    if (!next) throw new Error(`Assessment ${current.id} names a next cycle that is not stored`);
    current = next.value;
  }
  return current;
}

/**
 * The CONSENSUS_* configuration changed since the assessment stored its rule (or the row predates
 * stored rules): store the configured rule and audit the change, once even when several turns race.
 */
async function recordConfiguredRule(services: AssessmentPorts, details: AssessmentDetails): Promise<AssessmentDetails> {
  const configured = services.config.consensus;
  const outcome = await services.storage.assessments.updateWith(details.id, (current) =>
    current === undefined || (current.consensusThresholds && sameThresholds(current.consensusThresholds, configured))
      ? undefined
      : { ...current, consensusThresholds: { ...configured } },
  );
  if (outcome.current === undefined) throw new Error(`Assessment ${details.id} disappeared`);
  if (outcome.written) {
    await services.storage.audit.append({
      assessmentId: details.id,
      at: services.clock().toISOString(),
      actorAadObjectId: "configuration",
      action: "consensusRuleChanged",
      target: "assessment",
      before: outcome.previous?.consensusThresholds ? JSON.stringify(outcome.previous.consensusThresholds) : undefined,
      after: JSON.stringify(configured),
    });
  }
  return outcome.current.value;
}
