import { z } from "zod";
import { roundNumberSchema } from "../answers/answer";
import { personSchema } from "../answers/person";
import { statementIdSchema } from "../framework/frameworkSchema";

/**
 * A flagged statement a lead sent back to the group for another round of rating. One per
 * statement, holding its latest round (2 after the first send-back): the round each answer
 * belongs to is on the answer itself.
 */
export const statementRoundSchema = z.object({
  assessmentId: z.string().min(1),
  areaNumber: z.number().int().min(1),
  statementId: statementIdSchema,
  round: roundNumberSchema.min(2),
  startedBy: personSchema,
  startedAt: z.string(),
});
export type StatementRound = z.infer<typeof statementRoundSchema>;
