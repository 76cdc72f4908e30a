import { createHash } from "node:crypto";

/**
 * One audit entry per stored version of a member's response (an answer, or "global" for a global
 * score): the same version always maps to the same id, in the row's trail and as its row key once
 * the trail moves out to audit rows.
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
