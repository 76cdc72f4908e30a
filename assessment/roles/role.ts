/**
 * The roles a caller can hold for one request. A caller may hold several at once (a coordinator
 * who also sits in a working-group channel); permission is granted if any role they hold allows it.
 * - coordinator: AAD object id listed in configuration; sees and may do everything.
 * - lead: named at assignment for the area(s) of the channel the request comes from.
 * - member: anyone in the channel the area is assigned to.
 * - participationWorker: named by the coordinator (`participation @name`) to enter the young
 *   people's scores; it gives nothing else.
 * - anyone: everyone else who can reach the bot.
 */
export const ROLES = ["coordinator", "lead", "member", "participationWorker", "anyone"] as const;
export type Role = (typeof ROLES)[number];
