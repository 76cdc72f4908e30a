import type { Person } from "../../assessment/answers/person";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import type { Role } from "../../assessment/roles/role";
import { isAllowed, type Operation } from "../../assessment/roles/authorizationMatrix";
import type { Ports } from "../app/botServices";
import { resolveRoles } from "../../assessment/roles/resolveRoles";
import { findGroupMember, readGroupRoster, type MemberLookup, type RosterPorts } from "../teams/teamRoster";
import type { TurnCaller } from "../teams/turnCaller";
import type { TabIdentity } from "./tabSignIn";

export interface AreaAccess {
  roles: Role[];
  /** The caller as stored with what they save: their Teams id from the roster when known. */
  person: Person;
  /**
   * Whether Teams confirmed the caller is in the group's team ("unavailable" when it did not answer);
   * "notAsked" when the caller's lead or coordinator role already allowed the operation.
   */
  membership: MemberLookup["kind"] | "notAsked";
}

/** Reading the channel's roster (cached) and who the coordinators are. */
export type TabAccessPorts = RosterPorts & Ports<"config">;

/**
 * Gives a tab caller the roles the bot would give them, through the bot's own resolveRoles: being
 * in the group's team is what posting in its channel proves for a card action, and otherwise the
 * caller is treated as in personal chat with the bot (leads and the coordinator act from there).
 *
 * One TabAccess per request. Membership is asked of Teams on every request (one getTeamMember call
 * through the team's paced roster lane), never kept between requests: a cache would let an instance
 * that did not see a member's removal keep granting them, and Teams' lifecycle events reach only one
 * instance. Within a request each team is asked once (the /me page checks every area), and Teams is
 * not asked at all when the caller's lead or coordinator role already allows the operation (the
 * meeting stage is polled every few seconds: leads driving it cost no roster reads).
 */
export class TabAccess {
  private readonly lookups = new Map<string, Promise<MemberLookup>>();

  constructor(
    private readonly services: TabAccessPorts,
    private readonly identity: TabIdentity,
  ) {}

  async forArea(assignment: AreaAssignment, operation: Operation): Promise<AreaAccess> {
    const unlisted = this.resolve(assignment, undefined);
    if (isAllowed(operation, unlisted.roles)) return { ...unlisted, membership: "notAsked" };
    const lookup = await this.lookup(assignment);
    return {
      ...this.resolve(assignment, lookup.kind === "member" ? lookup.member : undefined),
      membership: lookup.kind,
    };
  }

  private resolve(assignment: AreaAssignment, listed: Person | undefined): Omit<AreaAccess, "membership"> {
    const { identity } = this;
    const lead = assignment.leads.find((candidate) => candidate.aadObjectId === identity.aadObjectId);
    // Teams ids are what cards' refresh lists and mentions need; without one the AAD id stands in (Teams accepts it for 1:1 chats).
    const person: Person = {
      aadObjectId: identity.aadObjectId,
      teamsUserId: listed?.teamsUserId ?? lead?.teamsUserId ?? identity.aadObjectId,
      name: identity.name || listed?.name || "",
    };
    const caller: TurnCaller = {
      person,
      conversationType: listed ? "channel" : "personal",
      conversationId: "",
      tenantId: identity.tenantId,
      serviceUrl: assignment.channel.serviceUrl,
      team: listed
        ? {
            teamId: assignment.channel.teamId,
            channelId: assignment.channel.channelId,
            channelName: assignment.channel.channelName,
            channelType: "standard",
          }
        : undefined,
    };
    return {
      person,
      roles: resolveRoles({ caller, coordinatorAadIds: this.services.config.coordinatorAadIds, assignment }),
    };
  }

  /** Roles that need no area (the coordinator's). */
  overall(): Role[] {
    const { identity } = this;
    return resolveRoles({
      caller: { person: { aadObjectId: identity.aadObjectId }, conversationType: "personal" },
      coordinatorAadIds: this.services.config.coordinatorAadIds,
    });
  }

  /** The group's whole roster (who has not answered, reminders), read fresh through the paced lane. */
  membersOf(assignment: AreaAssignment): Promise<Person[] | undefined> {
    return readGroupRoster(this.services, assignment.channel);
  }

  private lookup(assignment: AreaAssignment): Promise<MemberLookup> {
    const { teamId } = assignment.channel;
    const known = this.lookups.get(teamId);
    if (known) return known;
    const asked = findGroupMember(this.services, assignment.channel, this.identity.aadObjectId);
    this.lookups.set(teamId, asked);
    return asked;
  }
}
