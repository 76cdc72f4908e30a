import type { TurnContext } from "botbuilder";
import { mentionedAccounts, type MentionedAccount } from "./mentions";
import { findTeamMember, readRoster, type RosterPorts, type TeamMember } from "./teamRoster";
import { receivedActivity } from "./receivedActivity";

export type MentionedPeople = { ok: true; people: TeamMember[] } | { ok: false; problems: string[] };

/**
 * The people a command's @mentions name, each resolved through the roster of the conversation it
 * was typed in: a mention carries only an id and a display name, and a tag, a channel or someone
 * outside the team cannot be told from a person by its shape. getMember answers for one id; when it
 * cannot (throttled past its retries), the paged roster is read once for the rest. Nothing is kept
 * between turns. Any mention that is not a member makes the whole command refuse, naming it.
 */
export async function resolveMentionedPeople(turn: TurnContext, services: RosterPorts): Promise<MentionedPeople> {
  const botIds = [receivedActivity(turn).recipient?.id ?? "", services.botAppId].filter((id) => id !== "");
  const where = (turn.activity.channelData as { team?: unknown } | undefined)?.team ? "this team" : "this chat";
  const people: TeamMember[] = [];
  const problems: string[] = [];
  let roster: Promise<TeamMember[] | undefined> | undefined;
  for (const account of mentionedAccounts(turn.activity, botIds)) {
    const kind = accountKind(account, botIds);
    if (kind !== "person") {
      problems.push(notAPerson(account, kind));
      continue;
    }
    const lookup = await findTeamMember(turn, services, account.id);
    let member = lookup.kind === "member" ? lookup.member : undefined;
    if (lookup.kind === "unavailable") {
      roster ??= readRoster(turn, services);
      const members = await roster;
      if (!members) {
        problems.push(
          `I couldn't check who **@${account.name}** is: Teams did not give me the member list just now. Please try again in a minute.`,
        );
        continue;
      }
      member = members.find((candidate) => candidate.teamsUserId === account.id);
    }
    if (!member)
      problems.push(
        `**@${account.name}** is not a member of ${where}: it may be a tag, or someone outside ${where}. Mention each person by name (a tag can't be used here), or add them to the team first.`,
      );
    else if (!people.some((person) => person.aadObjectId === member.aadObjectId)) people.push(member);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, people };
}

/**
 * What an id says for itself: bots and apps have `28:` ids, channels and teams `19:…@thread…`
 * ids; a `29:` id may be a person or a tag, which only the roster can tell apart.
 */
function accountKind(account: MentionedAccount, botIds: readonly string[]): "bot" | "app" | "channel" | "person" {
  if (botIds.includes(account.id)) return "bot";
  if (account.id.startsWith("28:")) return "app";
  if (account.id.startsWith("19:")) return "channel";
  return "person";
}

function notAPerson(account: MentionedAccount, kind: "bot" | "app" | "channel"): string {
  const what =
    kind === "bot"
      ? "is me, not a person"
      : kind === "app"
        ? "is an app, not a person"
        : "is a channel or a team, not a person";
  return `**@${account.name}** ${what}. Mention each person by name, e.g. **@Sam Lead**.`;
}
