import { z } from "zod";
import { ratingValueSchema, statementIdSchema } from "../framework/frameworkSchema";
import { ANSWER_LIMITS } from "./answerLimits";
import { personSchema } from "./person";

/** Control characters other than line breaks and tabs: no keyboard types them, and no stored text keeps them. */
export function withoutControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point of this function.
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}

/** Free text as members type it: trimmed, control characters (other than line breaks and tabs) removed. */
export function cleanText(max: number, field: string) {
  return z
    .string()
    .transform((text) => withoutControlCharacters(text).trim())
    .pipe(z.string().max(max, `${field} is too long: keep it under ${max} characters`));
}

/** One member's answer to one statement. Replaced (not appended) when they change it. */
export const answerSchema = z.object({
  assessmentId: z.string().min(1),
  areaNumber: z.number().int().min(1),
  statementId: statementIdSchema,
  respondent: personSchema,
  rating: ratingValueSchema,
  evidence: cleanText(ANSWER_LIMITS.evidenceMaxChars, "Evidence"),
  ideas: cleanText(ANSWER_LIMITS.ideasMaxChars, "Ideas for improvement"),
  /** ISO-8601 instant of the last change. */
  updatedAt: z.string(),
});
export type Answer = z.infer<typeof answerSchema>;

/** One member's global score for an area (0–globalScoreMax, the framework says out of 10). */
export const globalScoreAnswerSchema = z.object({
  assessmentId: z.string().min(1),
  areaNumber: z.number().int().min(1),
  respondent: personSchema,
  score: z.number().int().min(0).max(100),
  updatedAt: z.string(),
});
export type GlobalScoreAnswer = z.infer<typeof globalScoreAnswerSchema>;
