import type { TurnContext } from "botbuilder";
import { z } from "zod";
import { resolveMentionedPeople } from "../teams/resolveMentionedPeople";
import type { RosterPorts } from "../teams/teamRoster";

/** Whose data `export` / `forget` is about: an id, and the name when the roster gave one. */
export interface DataSubject {
  aadObjectId: string;
  name: string;
}

const aadObjectIdSchema = z.guid().transform((id) => id.toLowerCase());

/**
 * One @mention, resolved through the roster (a mention carries no Entra object id), or one Microsoft
 * Entra object id typed as the argument: someone who has left the organisation can no longer be
 * mentioned but may still ask to be forgotten, and a personal chat has no one to mention.
 */
export async function readDataSubject(
  turn: TurnContext,
  services: RosterPorts,
  args: readonly string[],
): Promise<{ ok: true; subject: DataSubject } | { ok: false; message: string }> {
  const mentioned = await resolveMentionedPeople(turn, services);
  if (!mentioned.ok)
    return {
      ok: false,
      message: [
        ...mentioned.problems,
        "Someone who has left the team: give their Microsoft Entra object id instead.",
      ].join(" "),
    };
  const typed = args
    .map((arg) => aadObjectIdSchema.safeParse(arg))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
  const candidates = [
    ...mentioned.people.map((person) => ({ aadObjectId: person.aadObjectId, name: person.name })),
    ...typed.map((aadObjectId) => ({ aadObjectId, name: "" })),
  ];
  const [subject, ...others] = candidates;
  if (subject === undefined)
    return { ok: false, message: "Say whose data: @mention them, or give their Microsoft Entra object id (a GUID)." };
  if (others.length > 0) return { ok: false, message: "One person at a time, please." };
  return { ok: true, subject };
}
