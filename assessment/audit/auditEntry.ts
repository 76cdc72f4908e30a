import { z } from "zod";

/**
 * One line of the append-only audit trail: who did what to which thing, and what it was before and
 * after. `before`/`after` are short JSON summaries (ratings, scores, statuses), never evidence text.
 */
export const auditEntrySchema = z.object({
  assessmentId: z.string().min(1),
  at: z.string(),
  actorAadObjectId: z.string(),
  action: z.string().min(1),
  target: z.string(),
  before: z.string().optional(),
  after: z.string().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
