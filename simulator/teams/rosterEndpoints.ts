/**
 * The Bot Connector's roster reads as Teams answers them, for the connector stand-in: paged members
 * with continuation tokens, and one member by Teams id, Entra object id or UPN (404 otherwise).
 * Shapes from "Get Teams specific context for your bot":
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/get-teams-context
 */
export interface RosterMember {
  /** Teams user id (29:…). */
  id: string;
  name: string;
  aadObjectId: string;
  /** "user" for the tenant's own people, "guest" for B2B guests (NHS, DWP, charity partners). */
  userRole?: "user" | "guest";
  userPrincipalName?: string;
}

/**
 * Teams treats a pageSize under 50 as 50 and caps it at 500, and does not promise to fill a page
 * ("minimum or maximum page size depends on the implementation"): the stand-in answers at most 50
 * per page whatever the bot asks, so every caller must follow the continuation token.
 */
export const STAND_IN_ROSTER_PAGE = 50;

export type RosterAnswer = { status: number; body: unknown };

/** GET /v3/conversations/{id}/pagedmembers?pageSize=&continuationToken= */
export function pagedMembers(members: readonly RosterMember[], query: URLSearchParams): RosterAnswer {
  const token = query.get("continuationToken");
  const start = token ? decodeToken(token) : 0;
  if (start === undefined || start > members.length) {
    return { status: 400, body: { error: { code: "BadArgument", message: "Invalid continuation token" } } };
  }
  const end = Math.min(start + STAND_IN_ROSTER_PAGE, members.length);
  const page = members.slice(start, end).map(toTeamsChannelAccount);
  // The last page carries no continuationToken (the docs' loop runs "while (continuationToken != null)").
  return {
    status: 200,
    body: end < members.length ? { continuationToken: encodeToken(end), members: page } : { members: page },
  };
}

/**
 * GET /v3/conversations/{id}/members/{userId}: "using their Teams user ID, UPN, or Azure AD Object ID".
 * A tag, a channel or someone outside the team is not a member: 404 as the connector answers (a
 * tag's mention id looks like a user's 29: id, and getMember failing is how a bot tells —
 * https://github.com/microsoft/botbuilder-js/issues/2662).
 */
export function memberById(members: readonly RosterMember[], userId: string): RosterAnswer {
  const wanted = userId.toLowerCase();
  const member = members.find(
    (candidate) =>
      candidate.id === userId ||
      candidate.aadObjectId.toLowerCase() === wanted ||
      upnOf(candidate).toLowerCase() === wanted,
  );
  return member
    ? { status: 200, body: toTeamsChannelAccount(member) }
    : {
        status: 404,
        body: {
          error: { code: "MemberNotFoundInConversation", message: "The member could not be found in the conversation" },
        },
      };
}

/**
 * A TeamsChannelAccount as the docs' sample response shows it (objectId, givenName, surname, email,
 * userPrincipalName, tenantId, userRole). `aadObjectId` is the same id under the name the Bot
 * Framework schema's TeamsChannelAccount reads, which botbuilder hands to the bot unchanged.
 */
function toTeamsChannelAccount(member: RosterMember) {
  const [givenName = "", ...rest] = member.name.split(" ");
  const upn = upnOf(member);
  return {
    id: member.id,
    name: member.name,
    objectId: member.aadObjectId,
    aadObjectId: member.aadObjectId,
    givenName,
    surname: rest.join(" "),
    email: member.userRole === "guest" ? guestEmailOf(upn) : upn,
    userPrincipalName: upn,
    tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
    userRole: member.userRole ?? "user",
  };
}

function upnOf(member: RosterMember): string {
  return member.userPrincipalName ?? `${member.aadObjectId}@council.example`;
}

/** A B2B guest's UPN is `alias_home.domain#EXT#@host…` (Entra's form); their email is the home address. */
function guestEmailOf(upn: string): string {
  const alias = upn.split("#EXT#")[0] ?? upn;
  const at = alias.lastIndexOf("_");
  return at === -1 ? alias : `${alias.slice(0, at)}@${alias.slice(at + 1)}`;
}

/** Opaque to the bot, as Teams' tokens are. */
function encodeToken(offset: number): string {
  return Buffer.from(`roster-page:${offset}`, "utf8").toString("base64url");
}

function decodeToken(token: string): number | undefined {
  const match = /^roster-page:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  return match ? Number(match[1]) : undefined;
}

/**
 * Who is in a conversation: in a team (botbuilder asks with the team id) or a group chat, the
 * roster; in a 1:1 chat only the user ("the list of members … of one-on-one, group, or team
 * conversation"), so a colleague mentioned there is not found.
 */
export function conversationRoster(roster: readonly RosterMember[], conversationId: string): readonly RosterMember[] {
  const personal = /^a:personal-(.+)$/.exec(conversationId);
  return personal ? roster.filter((member) => member.id === personal[1]) : roster;
}
