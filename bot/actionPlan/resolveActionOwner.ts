import type { TurnContext } from "botbuilder";
import type { Person } from "../../assessment/answers/person";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import { findTeamMember, readGroupRoster, type RosterPorts } from "../teams/teamRoster";

const ENTRA_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ResolvedOwner = { ok: true; owner: Person | undefined } | { ok: false; message: string };

/**
 * The people picker submits an Entra object id and nothing else, and the bot has no Graph access,
 * so the name comes from a Teams roster: the conversation the card was pressed in (a channel's
 * team), else the area's working-group team. The current owner needs no look-up. Someone on
 * neither roster is refused: the plan would otherwise print an owner nobody can name.
 */
export async function resolveActionOwner(
  turn: TurnContext,
  services: RosterPorts,
  input: { pickedAadObjectId: string; current: Person | undefined; assignment: AreaAssignment | undefined },
): Promise<ResolvedOwner> {
  const picked = input.pickedAadObjectId.trim().toLowerCase();
  if (picked === "") return { ok: true, owner: undefined };
  if (!ENTRA_OBJECT_ID.test(picked)) return { ok: false, message: "Pick the owner with the people picker." };
  if (input.current?.aadObjectId === picked) return { ok: true, owner: input.current };
  const here = await findTeamMember(turn, services, picked);
  if (here.kind === "member") return { ok: true, owner: asPerson(here.member) };
  const groupRoster = input.assignment ? await readGroupRoster(services, input.assignment.channel) : undefined;
  const inGroup = groupRoster?.find((member) => member.aadObjectId === picked);
  if (inGroup) return { ok: true, owner: asPerson(inGroup) };
  if (here.kind === "unavailable" && groupRoster === undefined)
    return {
      ok: false,
      message:
        "I couldn't check who the owner is: Teams did not give me the member list just now. Try again in a minute.",
    };
  return {
    ok: false,
    message:
      "The owner must be a member of the working group's team (Teams tells me their name). Pick someone from the team, or add them to it first.",
  };
}

/** What an action stores of its owner: the ids and name, not their sign-in name or role. */
function asPerson(member: Person): Person {
  return { aadObjectId: member.aadObjectId, teamsUserId: member.teamsUserId, name: member.name };
}
