import { z } from "zod";
import { youngPeopleScoresSchema } from "../youngPeople/youngPeopleScores";

/** One run of the self-assessment by one local authority. Created on first use. */
export const assessmentDetailsSchema = z.object({
  id: z.string().min(1),
  frameworkId: z.string().min(1),
  frameworkVersion: z.string().min(1),
  localAuthority: z.string().max(200),
  /** ISO date (yyyy-mm-dd) the groups should finish by, if set. */
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** IANA time zone used for the digest schedule and dates on documents. */
  timeZone: z.string().min(1),
  /** Front-sheet answers the coordinator sets with `details`: how it was completed, roles involved. */
  completionMethod: z.string().max(2000).optional(),
  rolesInvolved: z.string().max(2000).optional(),
  /** The young people's global scores per area, entered by the coordinator (see youngPeopleScores.ts). */
  youngPeople: youngPeopleScoresSchema.optional(),
  createdAt: z.string(),
  compiledAt: z.string().optional(),
});
export type AssessmentDetails = z.infer<typeof assessmentDetailsSchema>;
