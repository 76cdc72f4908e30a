import type { Person } from "../../assessment/answers/person";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import type { Role } from "../../assessment/roles/role";
import type { Ports } from "../app/botServices";
import { resolveRoles } from "../../assessment/roles/resolveRoles";
import { readGroupRoster, type RosterPorts } from "../teams/teamRoster";
import type { TurnCaller } from "../teams/turnCaller";
import type { TabIdentity } from "./tabSignIn";

/** Rosters are read from Teams at most once a minute per channel: every page load must not cost a roster call. */
const ROSTER_TTL_MS = 60_000;

export interface AreaAccess {
  roles: Role[];
  /** The caller as stored with what they save: their Teams id from the roster when known. */
  person: Person;
}

/** Reading the channel's roster (cached) and who the coordinators are. */
export type TabAccessPorts = RosterPorts & Ports<"config">;

/**
 * Gives a tab caller the roles the bot would give them, through the bot's own resolveRoles: being
 * in the group channel's roster is what posting in that channel proves for a card action, and
 * otherwise the caller is treated as in personal chat with the bot (leads and the coordinator act
 * from there).
 */
export class TabAccess {
  private readonly rosters = new Map<string, { at: number; members: Promise<Person[] | undefined> }>();

  constructor(private readonly services: TabAccessPorts) {}

  async forArea(identity: TabIdentity, assignment: AreaAssignment): Promise<AreaAccess> {
    const members = await this.membersOf(assignment);
    const listed = members?.find((member) => member.aadObjectId === identity.aadObjectId);
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
  overall(identity: TabIdentity): Role[] {
    return resolveRoles({
      caller: { person: { aadObjectId: identity.aadObjectId }, conversationType: "personal" },
      coordinatorAadIds: this.services.config.coordinatorAadIds,
    });
  }

  async membersOf(assignment: AreaAssignment): Promise<Person[] | undefined> {
    const key = assignment.channel.channelId;
    const cached = this.rosters.get(key);
    if (cached && Date.now() - cached.at < ROSTER_TTL_MS) return cached.members;
    const members = readGroupRoster(this.services, assignment.channel);
    this.rosters.set(key, { at: Date.now(), members });
    const read = await members;
    // A failed read is not remembered: the next request asks Teams again.
    if (!read) this.rosters.delete(key);
    return read;
  }
}
