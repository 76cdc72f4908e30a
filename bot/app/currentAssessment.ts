import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { Ports } from "./botServices";
import { sameThresholds } from "../../assessment/consensus/consensusThresholds";

/**
 * The assessment a tenant is working on. One runs at a time per tenant; its id is derived from the
 * tenant so every instance of the bot agrees without a lookup. It is created on first use.
 */
export function currentAssessmentId(tenantId: string): string {
  return `${tenantId || "local"}.1`;
}

/** Reading (or creating) the tenant's assessment and recording the consensus rule configured for it. */
export type AssessmentPorts = Ports<"config" | "framework" | "clock", "assessments" | "audit">;

export async function getCurrentAssessment(services: AssessmentPorts, tenantId: string): Promise<AssessmentDetails> {
  const id = currentAssessmentId(tenantId);
  const configured = services.config.consensus;
  const existing = await services.storage.assessments.getOrCreate(id, () => ({
    id,
    frameworkId: services.framework.id,
    frameworkVersion: services.framework.version,
    localAuthority: "",
    timeZone: services.config.defaultTimeZone,
    createdAt: services.clock().toISOString(),
    consensusThresholds: { ...configured },
  }));
  const stored = existing.value.consensusThresholds;
  if (stored && sameThresholds(stored, configured)) return existing.value;
  return recordConfiguredRule(services, existing.value);
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
