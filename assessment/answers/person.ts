import { z } from "zod";

/**
 * Someone taking part. Teams gives us two ids: the AAD object id (stable across the tenant, what
 * coordinators are configured by) and the Teams user id (`29:…`, what cards' refresh.userIds and
 * 1:1 conversations need). The name is personal data: stored for attribution, never logged.
 */
export const personSchema = z.object({
  aadObjectId: z.string().min(1).max(128),
  teamsUserId: z.string().min(1).max(512),
  name: z.string().max(256),
});
export type Person = z.infer<typeof personSchema>;

/** Shown instead of a person's name after `forget @person` erased it. */
export const REMOVED_PERSON_NAME = "(removed)";
