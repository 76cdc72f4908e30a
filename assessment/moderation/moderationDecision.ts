import { z } from "zod";
import { ratingValueSchema, statementIdSchema } from "../framework/frameworkSchema";
import { ANSWER_LIMITS } from "../answers/answerLimits";
import { cleanText } from "../answers/answer";
import { personSchema } from "../answers/person";

/** The agreed rating a lead (or the coordinator) recorded for a statement after moderation. */
export const moderationDecisionSchema = z.object({
  assessmentId: z.string().min(1),
  areaNumber: z.number().int().min(1),
  statementId: statementIdSchema,
  agreedRating: ratingValueSchema,
  rationale: cleanText(ANSWER_LIMITS.rationaleMaxChars, "Rationale"),
  decidedBy: personSchema,
  decidedAt: z.string(),
});
export type ModerationDecision = z.infer<typeof moderationDecisionSchema>;

/** The agreed global score for an area. */
export const globalScoreDecisionSchema = z.object({
  assessmentId: z.string().min(1),
  areaNumber: z.number().int().min(1),
  agreedScore: z.number().int().min(0).max(100),
  rationale: cleanText(ANSWER_LIMITS.rationaleMaxChars, "Rationale"),
  decidedBy: personSchema,
  decidedAt: z.string(),
});
export type GlobalScoreDecision = z.infer<typeof globalScoreDecisionSchema>;
