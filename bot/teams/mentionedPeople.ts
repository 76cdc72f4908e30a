import type { Activity } from "botbuilder";
import { z } from "zod";
import type { Person } from "../../assessment/answers/person";

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
  for (const entity of activity.entities ?? []) {
    const parsed = mentionSchema.safeParse(entity);
    if (!parsed.success) continue;
    const { mentioned } = parsed.data;
    if (mentioned.id === botId || mentioned.id === activity.recipient?.id || !mentioned.aadObjectId) continue;
    if (people.some((person) => person.teamsUserId === mentioned.id)) continue;
    people.push({ aadObjectId: mentioned.aadObjectId.toLowerCase(), teamsUserId: mentioned.id, name: mentioned.name });
  }
  return people;
}

/** Message text with every <at>…</at> mention removed, so commands parse the same in channels and chats. */
export function textWithoutMentions(text: string | undefined): string {
  return (text ?? "").replace(/<at[^>]*>.*?<\/at>/gis, " ").replace(/&nbsp;/g, " ").replace(/\s+/g, " ").trim();
}
