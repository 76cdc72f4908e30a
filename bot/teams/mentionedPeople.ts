import type { Activity } from "botbuilder";
import { z } from "zod";
import { personSchema, type Person } from "../../assessment/answers/person";

const mentionSchema = z.object({
  type: z.literal("mention"),
  mentioned: z.object({ id: z.string().min(1), name: z.string().default(""), aadObjectId: z.string().optional() }),
  text: z.string().optional(),
});

/**
 * The people @mentioned in a message, excluding the bot itself. Teams puts the AAD object id on
 * user mentions in channels; a mention without one (e.g. a tag or a channel) is not a person.
 */
export function mentionedPeople(activity: Partial<Activity>, botId: string | undefined): Person[] {
  const people: Person[] = [];
  // `entities` is untrusted like the rest of the activity: a non-array must not fail the turn (found by fuzzing).
  const entities: unknown[] = Array.isArray(activity.entities) ? activity.entities : [];
  for (const entity of entities) {
    const parsed = mentionSchema.safeParse(entity);
    if (!parsed.success) continue;
    const { mentioned } = parsed.data;
    if (mentioned.id === botId || mentioned.id === activity.recipient?.id || !mentioned.aadObjectId) continue;
    if (people.some((person) => person.teamsUserId === mentioned.id)) continue;
    // A mention we could not store as a Person (ids or name over its limits, found by fuzzing) would
    // fail the assignment that saves it as a lead; it is not someone Teams would send.
    const person = personSchema.safeParse({ aadObjectId: mentioned.aadObjectId.toLowerCase(), teamsUserId: mentioned.id, name: mentioned.name });
    if (person.success) people.push(person.data);
  }
  return people;
}

/** Message text with every <at>…</at> mention removed, so commands parse the same in channels and chats. */
export function textWithoutMentions(text: string | undefined): string {
  return withoutMentionTags(text ?? "").replace(/&nbsp;/g, " ").replace(/\s+/g, " ").trim();
}

/**
 * Removes `<at …>…</at>` spans (case-insensitive) in one pass. The regex /<at[^>]*>.*?<\/at>/gis
 * it replaces backtracks quadratically: fuzzing found a 64 KB message of "<at x" blocking the event
 * loop for ~2 s, for every user. When an opening has no ">" or no "</at>" after it, neither has
 * any later one, so the scan stops there.
 */
function withoutMentionTags(text: string): string {
  const opening = /<at/gi;
  const closing = /<\/at>/gi;
  let kept = "";
  let from = 0;
  for (;;) {
    opening.lastIndex = from;
    const open = opening.exec(text);
    const openEnd = open ? text.indexOf(">", open.index + 3) : -1;
    if (!open || openEnd === -1) break;
    closing.lastIndex = openEnd + 1;
    const close = closing.exec(text);
    if (!close) break;
    kept += `${text.slice(from, open.index)} `;
    from = close.index + close[0].length;
  }
  return kept + text.slice(from);
}
