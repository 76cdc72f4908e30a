import { z } from "zod";
import { ratingValueSchema, statementIdSchema } from "../framework/frameworkSchema";
import { ANSWER_LIMITS } from "../answers/answerLimits";
import { cleanText } from "../answers/answer";
import { personSchema } from "../answers/person";

/** Optional agreed text: what was typed, cleaned and limited like a member's; blank means none. */
function agreedText(max: number, field: string) {
  return cleanText(max, field)
    .transform((text) => (text === "" ? undefined : text))
    .optional();
}

/**
 * The agreed rating a lead (or the coordinator) recorded for a statement after moderation, with
 * the group's agreed evidence summary and ideas when the lead wrote them (the compiled document
 * shows these in place of every member's own words, which move to its appendix).
 */
export const moderationDecisionSchema = z.object({
  assessmentId: z.string().min(1),
  areaNumber: z.number().int().min(1),
  statementId: statementIdSchema,
  agreedRating: ratingValueSchema,
  rationale: cleanText(ANSWER_LIMITS.rationaleMaxChars, "Rationale"),
  agreedEvidence: agreedText(ANSWER_LIMITS.evidenceMaxChars, "Agreed evidence summary"),
  agreedIdeas: agreedText(ANSWER_LIMITS.ideasMaxChars, "Agreed ideas for improvement"),
  /** Recorded by accepting the group's proposed rating, without discussion (the documents mark it, once, in a legend). */
  acceptedProposal: z.boolean().optional(),
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
