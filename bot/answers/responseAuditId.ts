import { createHash } from "node:crypto";

/**
 * One audit row per stored version of a member's response (an answer, or "global" for a global
 * score): the same version always maps to the same id, so a retried save finds its entry.
 */
export function responseAuditId(
  response: { assessmentId: string; respondent: { aadObjectId: string }; updatedAt: string },
  target: string,
): string {
  return createHash("sha256")
    .update([response.assessmentId, target, response.respondent.aadObjectId, response.updatedAt].join("\n"))
    .digest("hex")
    .slice(0, 32);
}
