import { z } from "zod";
import { personSchema } from "../answers/person";
import { consensusThresholdsSchema, type ConsensusThresholds } from "../consensus/consensusThresholds";
import { youngPeopleScoresSchema } from "../youngPeople/youngPeopleScores";
import { cycleResultSchema } from "../cycles/cycleResult";

/** A handful at most: the workers of a council's participation team, not a channel's membership. */
export const MAX_PARTICIPATION_WORKERS = 10;

/** One run of the self-assessment by one local authority. Created on first use. */
export const assessmentDetailsSchema = z.object({
  id: z.string().min(1),
  frameworkId: z.string().min(1),
  frameworkVersion: z.string().min(1),
  localAuthority: z.string().max(200),
  /** ISO date (yyyy-mm-dd) the groups should finish by, if set. */
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** IANA time zone used for the digest schedule and dates on documents. */
  timeZone: z.string().min(1),
  /** Front-sheet answers the coordinator sets with `details`: how it was completed, roles involved. */
  completionMethod: z.string().max(2000).optional(),
  rolesInvolved: z.string().max(2000).optional(),
  /** The young people's global scores per area, entered by the coordinator (see youngPeopleScores.ts). */
  youngPeople: youngPeopleScoresSchema.optional(),
  /** Who the coordinator named to enter the young people's scores (`participation @name`); nothing else. */
  participationWorkers: z.array(personSchema).max(MAX_PARTICIPATION_WORKERS).optional(),
  createdAt: z.string(),
  /**
   * The consensus rule in force, stored when the assessment is created so a later configuration
   * change cannot silently re-judge it (a change is recorded and audited). Rows written before it
   * existed have none until the bot next loads them.
   */
  consensusThresholds: consensusThresholdsSchema.optional(),
  compiledAt: z.string().optional(),
  /** Which run of the self-assessment this is for the authority: 1 unless started by `new cycle` (absent = 1). */
  cycle: z.number().int().min(1).optional(),
  /** The cycle before this one (closed), whose result the documents and digests compare with. */
  previousAssessmentId: z.string().min(1).optional(),
  /** Set when `new cycle` closed this one: the tenant's current assessment is found by following it. */
  nextAssessmentId: z.string().min(1).optional(),
  closedAt: z.string().optional(),
  /** The agreed result, kept when the cycle closes (or imported from a paper cycle). */
  result: cycleResultSchema.optional(),
});
export type AssessmentDetails = z.infer<typeof assessmentDetailsSchema>;

/** The consensus rule that applies to an assessment: the one it stored, else the configured one. */
export function thresholdsInForce(
  details: AssessmentDetails | undefined,
  configured: ConsensusThresholds,
): ConsensusThresholds {
  return details?.consensusThresholds ?? configured;
}
