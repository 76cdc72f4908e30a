import { TeamsInfo, type TurnContext } from "botbuilder";
import type { Person } from "../../assessment/answers/person";

/**
 * Members of the conversation the turn is in (for a standard channel: the team), read page by
 * page — `getMembers` is deprecated and throttled. Without a roster (e.g. the call fails) the
 * caller falls back to counting respondents, so status still works.
 */
export async function readRoster(turn: TurnContext): Promise<Person[] | undefined> {
  try {
    const people: Person[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await TeamsInfo.getPagedMembers(turn, 200, continuationToken);
      for (const member of page.members) {
        if (member.aadObjectId) people.push({ aadObjectId: member.aadObjectId.toLowerCase(), teamsUserId: member.id, name: member.name ?? "" });
      }
      continuationToken = page.continuationToken || undefined;
    } while (continuationToken);
    return people;
  } catch {
    return undefined;
  }
}
