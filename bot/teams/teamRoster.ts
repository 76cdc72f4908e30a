import { TeamsInfo, type TeamsChannelAccount, type TeamsPagedMembersResult, type TurnContext } from "botbuilder";
import type { Person } from "../../assessment/answers/person";
import type { WorkingGroupChannel } from "../../assessment/groups/workingGroup";
import type { Ports } from "../app/botServices";
import type { PacingOptions } from "../posting/pacedSender";
import { outcomeFromError } from "../posting/sendOutcome";
import { receivedActivity } from "./receivedActivity";

/** A person on the roster: who they are everywhere (Person), their sign-in name, and user or guest. */
export interface TeamMember extends Person {
  userPrincipalName: string;
  /** TeamsChannelAccount.userRole: "user", or "guest" for partners invited into the tenant. */
  userRole: string;
}

export type MemberLookup = { kind: "member"; member: TeamMember } | { kind: "notMember" } | { kind: "unavailable" };

/**
 * Roster reads have their own Teams limits, per bot per conversation: 14 per 1 s, 16 per 2 s, 120
 * per 30 s, 3600 per hour (TEAMS-FACTS.md). These stay under them. They run inside a turn, whose
 * connector client already retries a 429 itself, so the paced sender adds only two tries more
 * and gives up within seconds: the person is told to try again rather than left waiting.
 */
export const ROSTER_PACING: Pick<PacingOptions, "limits" | "retry"> = {
  limits: [
    { max: 14, perMs: 2000 },
    { max: 120, perMs: 30_000 },
    { max: 3600, perMs: 3_600_000 },
  ],
  retry: { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 3000 },
};

/** Roster reads go through the adapter as the bot, on their own paced lanes. */
export type RosterPorts = Ports<"adapter" | "botAppId" | "rosterReads" | "clock">;

/** Teams' default page; it may send fewer per page, so the loop always follows continuationToken. */
const PAGE_SIZE = 200;

/**
 * One member of the conversation the turn is in (in a channel: the team) by Teams id (29:…) or
 * Entra object id, through TeamsInfo.getMember. A 404 means not a member — a tag, a channel or
 * someone outside the team; anything else (throttled past the retries, Teams down) is "unavailable".
 */
export async function findTeamMember(turn: TurnContext, services: RosterPorts, userId: string): Promise<MemberLookup> {
  const read = await pacedRead(services, rosterLane(turn), () => TeamsInfo.getMember(turn, userId));
  if (read.kind !== "read") return read;
  const member = toTeamMember(read.value);
  return member ? { kind: "member", member } : { kind: "notMember" };
}

/**
 * Everyone in the conversation the turn is in (for a standard channel: the team), page by page
 * following continuation tokens — getMembers is deprecated and unreliable in large teams. Read
 * fresh on every call, never cached: a second instance, or a member who joined a minute ago,
 * must see the same answer. Undefined when Teams would not tell us.
 */
export async function readRoster(turn: TurnContext, services: RosterPorts): Promise<TeamMember[] | undefined> {
  return readPages(services, rosterLane(turn), (token) => TeamsInfo.getPagedMembers(turn, PAGE_SIZE, token));
}

/**
 * A working group's team roster outside any turn in its channel (the digest schedule, or `digest`
 * typed in a personal chat), through a proactive turn: quorum counts the team, not who answered.
 */
export async function readGroupRoster(
  services: RosterPorts,
  channel: WorkingGroupChannel,
): Promise<TeamMember[] | undefined> {
  const read = await inGroupTurn(services, channel, (turn) =>
    readPages(services, `roster|${channel.teamId}`, (token) =>
      TeamsInfo.getPagedTeamMembers(turn, channel.teamId, PAGE_SIZE, token),
    ),
  );
  return read.kind === "done" ? read.value : undefined;
}

/**
 * One person of a working group's team, by Entra object id, outside any turn (the tab's role
 * checks): one getTeamMember call through the team's paced roster lane, read fresh every time so
 * that someone removed from the team is refused at once on every instance.
 */
export async function findGroupMember(
  services: RosterPorts,
  channel: WorkingGroupChannel,
  aadObjectId: string,
): Promise<MemberLookup> {
  const read = await inGroupTurn(services, channel, (turn) =>
    pacedRead(services, `roster|${channel.teamId}`, () => TeamsInfo.getTeamMember(turn, channel.teamId, aadObjectId)),
  );
  if (read.kind !== "done" || read.value.kind === "unavailable") return { kind: "unavailable" };
  if (read.value.kind === "notMember") return read.value;
  const member = toTeamMember(read.value.value);
  return member ? { kind: "member", member } : { kind: "notMember" };
}

/** Runs `work` in a proactive turn in the group's channel; "failed" when the adapter could not open one. */
async function inGroupTurn<T>(
  services: RosterPorts,
  channel: WorkingGroupChannel,
  work: (turn: TurnContext) => Promise<T>,
): Promise<{ kind: "done"; value: T } | { kind: "failed" }> {
  let result: { kind: "done"; value: T } | { kind: "failed" } = { kind: "failed" };
  const reference = {
    serviceUrl: channel.serviceUrl,
    channelId: "msteams",
    conversation: { id: channel.channelId, isGroup: true, conversationType: "channel", name: "" },
  };
  try {
    await services.adapter.continueConversationAsync(services.botAppId, reference, async (turn) => {
      result = { kind: "done", value: await work(turn) };
    });
  } catch {
    return { kind: "failed" };
  }
  return result;
}

async function readPages(
  services: RosterPorts,
  lane: string,
  page: (token: string | undefined) => Promise<TeamsPagedMembersResult>,
): Promise<TeamMember[] | undefined> {
  const members: TeamMember[] = [];
  let continuationToken: string | undefined;
  do {
    const token = continuationToken;
    const read = await pacedRead(services, lane, () => page(token));
    if (read.kind !== "read") return undefined;
    for (const account of read.value.members) {
      const member = toTeamMember(account);
      if (member) members.push(member);
    }
    continuationToken = read.value.continuationToken || undefined;
  } while (continuationToken);
  return members;
}

type PacedRead<T> = { kind: "read"; value: T } | { kind: "notMember" } | { kind: "unavailable" };

/**
 * A roster read through the roster's own paced lane (per team, or per chat outside a team). The
 * paced sender counts and retries attempts by their SendOutcome; the value read is carried out in
 * the closure.
 */
async function pacedRead<T>(services: RosterPorts, lane: string, read: () => Promise<T>): Promise<PacedRead<T>> {
  let value: { read: T } | undefined;
  const outcome = await services.rosterReads.send(lane, async () => {
    try {
      value = { read: await read() };
      return { kind: "sent", activityId: "", conversationId: lane };
    } catch (error) {
      return outcomeFromError(error, services.clock());
    }
  });
  if (value) return { kind: "read", value: value.read };
  return outcome.kind === "failed" && outcome.status === 404 ? { kind: "notMember" } : { kind: "unavailable" };
}

function rosterLane(turn: TurnContext): string {
  const teamId = (turn.activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  return `roster|${typeof teamId === "string" ? teamId : (receivedActivity(turn).conversation?.id ?? "")}`;
}

/**
 * Anonymous meeting participants have no Entra object id: they cannot take part in an assessment. Partial because
 * the roster is Teams' JSON as received: nothing checked that each account has every field its type declares.
 */
function toTeamMember(account: Partial<TeamsChannelAccount>): TeamMember | undefined {
  if (!account.aadObjectId || !account.id) return undefined;
  return {
    aadObjectId: account.aadObjectId.toLowerCase(),
    teamsUserId: account.id,
    name: account.name ?? "",
    userPrincipalName: account.userPrincipalName ?? "",
    userRole: account.userRole ?? "user",
  };
}
