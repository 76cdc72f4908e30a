import { z } from "zod";
import { personSchema } from "../answers/person";

/** The Teams channel a working group meets in, with what we need to post to it later. */
export const workingGroupChannelSchema = z.object({
  teamId: z.string().min(1),
  channelId: z.string().min(1),
  /** Display name when Teams told us; may be empty. */
  channelName: z.string(),
  tenantId: z.string(),
  serviceUrl: z.url(),
  /**
   * Set when Teams said the bot can no longer post there (app removed from the team, channel
   * deleted): nothing more is posted or updated in it; answers stay with the area until it is assigned again.
   */
  lostAt: z.string().optional(),
});
export type WorkingGroupChannel = z.infer<typeof workingGroupChannelSchema>;

export const areaStatusSchema = z.enum(["assigned", "open", "closed"]);
export type AreaStatus = z.infer<typeof areaStatusSchema>;

/** An area of the framework given to one working group (a channel) with its lead(s). */
export const areaAssignmentSchema = z.object({
  assessmentId: z.string().min(1),
  areaNumber: z.number().int().min(1),
  channel: workingGroupChannelSchema,
  leads: z.array(personSchema).min(1),
  status: areaStatusSchema,
  assignedAt: z.string(),
  assignedBy: z.string(),
});
export type AreaAssignment = z.infer<typeof areaAssignmentSchema>;
