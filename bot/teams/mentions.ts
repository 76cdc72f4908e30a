import type { Activity } from "botbuilder";
import { z } from "zod";

/** Bounds as a stored Person's (personSchema): Teams never sends more, and fuzzing sent far more. */
const mentionSchema = z.object({
  type: z.literal("mention"),
  mentioned: z.object({ id: z.string().min(1).max(512), name: z.string().max(256).default("") }),
});

/** Who or what an @mention names, as Teams sends it: an id and a display name, nothing more. */
export interface MentionedAccount {
  id: string;
  name: string;
}

/**
 * Every account @mentioned in a message, once each, except the mention that addresses the bot (the
 * first mention of its own id; Teams puts one in every channel and group-chat message to it). Teams
 * gives "the unique ID of the user and the name" only — no Entra object id, and a tag or a channel
 * looks the same — so what each one is comes from the roster (resolveMentionedPeople), not from here.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations
 */
export function mentionedAccounts(activity: Partial<Activity>, botIds: readonly string[]): MentionedAccount[] {
  const accounts: MentionedAccount[] = [];
  let addressedBot = false;
  // `entities` is untrusted like the rest of the activity: a non-array must not fail the turn (found by fuzzing).
  const entities: unknown[] = Array.isArray(activity.entities) ? activity.entities : [];
  for (const entity of entities) {
    const parsed = mentionSchema.safeParse(entity);
    if (!parsed.success) continue;
    const { id, name } = parsed.data.mentioned;
    if (!addressedBot && botIds.includes(id)) {
      addressedBot = true;
      continue;
    }
    if (!accounts.some((account) => account.id === id)) accounts.push({ id, name });
  }
  return accounts;
}

/** Message text with every <at>…</at> mention removed, so commands parse the same in channels and chats. */
export function textWithoutMentions(text: string | undefined): string {
  return withoutMentionTags(text ?? "")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
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
