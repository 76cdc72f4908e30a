import type { Person } from "../answers/person";
import type { AreaAssignment } from "../groups/workingGroup";
import type { Role } from "./role";

/** What roles depend on of a caller: who they are and where they spoke from (the bot's TurnCaller has these). */
export interface RoleCaller {
  person: { aadObjectId: string };
  conversationType: "channel" | "personal" | "groupChat";
  /** Present when the caller spoke in a team channel. */
  team?: { channelId: string };
}

/**
 * The roles a caller holds for one area (or, with no area, for the conversation they are in).
 * Being able to post in a channel is what makes someone a member: Teams only delivers channel
 * messages and card actions from people in that channel, so the channel is the membership check.
 */
export function resolveRoles(input: {
  caller: RoleCaller;
  coordinatorAadIds: readonly string[];
  assignment?: AreaAssignment;
  /** The assessment's participation workers, where the operation is one they may do. */
  participationWorkers?: readonly Person[];
}): Role[] {
  const { caller, coordinatorAadIds, assignment } = input;
  const roles: Role[] = ["anyone"];
  if (coordinatorAadIds.includes(caller.person.aadObjectId)) roles.push("coordinator");
  if (input.participationWorkers?.some((worker) => worker.aadObjectId === caller.person.aadObjectId))
    roles.push("participationWorker");
  if (!assignment) return roles;
  const inGroupChannel = caller.team !== undefined && caller.team.channelId === assignment.channel.channelId;
  if (inGroupChannel) roles.push("member");
  // A lead acts for their area in its channel, and in personal chat with the bot (the digest and
  // moderation arrive there); not from any other channel or a group chat.
  if (isLeadOf(caller, assignment) && (inGroupChannel || caller.conversationType === "personal")) roles.push("lead");
  return roles;
}

/**
 * Whether the caller is named a lead of the area — wherever they are. Holding the lead role also needs the
 * right place (the area's channel or personal chat); resolveRoles checks that.
 */
export function isLeadOf(caller: RoleCaller, assignment: AreaAssignment): boolean {
  return assignment.leads.some((lead) => lead.aadObjectId === caller.person.aadObjectId);
}
