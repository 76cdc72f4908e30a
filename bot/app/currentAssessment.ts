import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { BotServices } from "./botServices";

/**
 * The assessment a tenant is working on. One runs at a time per tenant; its id is derived from the
 * tenant so every instance of the bot agrees without a lookup. It is created on first use.
 */
export function currentAssessmentId(tenantId: string): string {
  return `${tenantId || "local"}.1`;
}

export async function getCurrentAssessment(services: BotServices, tenantId: string): Promise<AssessmentDetails> {
  const id = currentAssessmentId(tenantId);
  const existing = await services.storage.assessments.getOrCreate(id, () => ({
    id,
    frameworkId: services.framework.id,
    frameworkVersion: services.framework.version,
    localAuthority: "",
    timeZone: services.config.defaultTimeZone,
    createdAt: services.clock().toISOString(),
  }));
  return existing.value;
}
