import { randomUUID } from "node:crypto";
import type { RosterMember } from "./connectorStandIn";

/** A participant as Teams identifies them: AAD object id, Teams id (29:…) and display name. */
export interface TeamsPerson extends RosterMember {}

let counter = 0;

export function makePerson(name: string): TeamsPerson {
  counter += 1;
  const aadObjectId = randomUUID();
  return { id: `29:1${aadObjectId.replace(/-/g, "").slice(0, 20)}_${counter}`, name, aadObjectId };
}

export function makePeople(prefix: string, count: number): TeamsPerson[] {
  return Array.from({ length: count }, (_, index) => makePerson(`${prefix} ${index + 1}`));
}
