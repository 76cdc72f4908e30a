import { randomUUID } from "node:crypto";
import type { RosterMember } from "./rosterEndpoints";

/** A participant as Teams identifies them: AAD object id, Teams id (29:…), display name, and user or guest. */
export type TeamsPerson = RosterMember;

let counter = 0;

export function makePerson(name: string): TeamsPerson {
  counter += 1;
  const aadObjectId = randomUUID();
  return { id: `29:1${aadObjectId.replace(/-/g, "")}_${counter}`, name, aadObjectId, userRole: "user" };
}

export function makePeople(prefix: string, count: number): TeamsPerson[] {
  return Array.from({ length: count }, (_, index) => makePerson(`${prefix} ${index + 1}`));
}

/**
 * A B2B guest from a partner organisation: in the host tenant they have an object id and a Teams id
 * like anyone else, `userRole: "guest"` on the roster, and a UPN of the form `alias_home.domain#EXT#@…`
 * ("Identify guest users in channels": https://learn.microsoft.com/en-us/microsoftteams/platform/build-apps-for-shared-private-channels).
 */
export function makeGuest(name: string, homeDomain: string): TeamsPerson {
  const person = makePerson(name);
  const alias = name.toLowerCase().replace(/[^a-z]+/g, ".");
  return { ...person, userRole: "guest", userPrincipalName: `${alias}_${homeDomain}#EXT#@council.onmicrosoft.com` };
}

/**
 * A tag (e.g. @Leads): Teams puts it in `entities` exactly like a user mention — a 29: id and a
 * name — and the roster does not know the id (https://github.com/microsoft/botbuilder-js/issues/2662).
 */
export function makeTag(name: string): Pick<TeamsPerson, "id" | "name"> {
  return { id: `29:${randomUUID().replace(/-/g, "")}`, name };
}
