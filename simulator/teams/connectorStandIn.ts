import http from "node:http";
import type { AddressInfo } from "node:net";
import { conversationRoster, memberById, pagedMembers, type RosterMember } from "./rosterEndpoints";
import { closeServer } from "../http/closeServer";

/**
 * A local stand-in for the Bot Connector service (the activity's serviceUrl): records what the bot
 * sends, answers like Teams does, and can be told to throttle (429 + Retry-After) or refuse a user
 * (403 MessageWritesBlocked). Only ever listens on 127.0.0.1.
 */
export interface RecordedActivity {
  kind: "create" | "send" | "update" | "delete";
  conversationId: string;
  activityId: string;
  activity: Record<string, unknown>;
  at: number;
}

/** Every write the stand-in answered, throttled ones included (Teams counts those against the limits too). */
export interface WriteAttempt {
  at: number;
  /** The channel for a new post (create), else the conversation written to. */
  target: string;
  kind: "create" | "write";
  status: number;
}

export class ConnectorStandIn {
  readonly recorded: RecordedActivity[] = [];
  readonly createdConversations: Array<{ id: string; params: Record<string, unknown> }> = [];
  readonly attempts: WriteAttempt[] = [];
  private server?: http.Server;
  private nextId = 1;
  private throttleRemaining = 0;
  private throttleRetryAfterSeconds = 0;
  private throttleOnly: "all" | "creates" = "all";
  private throttleUntil = 0;
  throttledCount = 0;
  private readonly blockedUsers = new Set<string>();
  /** Every activity id this connector issued, with the conversation (thread or chat) it lives in. */
  private readonly issuedActivities = new Map<string, string>();
  /** The team's members (what botbuilder's roster reads ask for with the team id), in roster order. */
  roster: RosterMember[] = [];

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error("connector stand-in not started");
    return `http://127.0.0.1:${address.port}/`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    // The bot's connector client keeps idle sockets longer than Node's 5 s default: a socket the
    // server closes just as the client reuses it fails with ECONNRESET, which Teams does not do.
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  /** The next `count` writes (or only new posts/conversations) get 429 with the given Retry-After (seconds; 0 for none). */
  throttleNext(count: number, retryAfterSeconds = 0, only: "all" | "creates" = "all"): void {
    this.throttleRemaining = count;
    this.throttleRetryAfterSeconds = retryAfterSeconds;
    this.throttleOnly = only;
  }

  /** Every write (or only new posts/conversations) gets 429 for the next `durationMs` of real time. */
  throttleFor(durationMs: number, retryAfterSeconds: number, only: "all" | "creates" = "all"): void {
    this.throttleUntil = Date.now() + durationMs;
    this.throttleRetryAfterSeconds = retryAfterSeconds;
    this.throttleOnly = only;
  }

  blockUser(teamsUserId: string): void {
    this.blockedUsers.add(teamsUserId);
  }

  /** Card attachments of activities created or sent (not updates), in order. */
  postedCards(): Array<{ conversationId: string; activityId: string; card: Record<string, unknown> }> {
    return this.recorded
      .filter((entry) => entry.kind === "create" || entry.kind === "send")
      .flatMap((entry) =>
        cardsOf(entry.activity).map((card) => ({
          conversationId: entry.conversationId,
          activityId: entry.activityId,
          card,
        })),
      );
  }

  texts(): string[] {
    return this.recorded
      .map((entry) => (typeof entry.activity["text"] === "string" ? entry.activity["text"] : ""))
      .filter((text) => text !== "");
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readJson(req);
    const [rawPath = "", rawQuery = ""] = (req.url ?? "").split("?");
    const path = decodeURIComponent(rawPath);
    const isWrite = req.method === "POST" || req.method === "PUT";
    const isCreate = req.method === "POST" && /^\/v3\/conversations\/?$/.test(path);
    const throttling = this.throttleRemaining > 0 || Date.now() < this.throttleUntil;
    if (isWrite && throttling && (this.throttleOnly === "all" || isCreate)) {
      this.throttleRemaining = Math.max(0, this.throttleRemaining - 1);
      this.throttledCount += 1;
      this.recordAttempt(path, body, isCreate, 429);
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (this.throttleRetryAfterSeconds > 0) headers["retry-after"] = String(this.throttleRetryAfterSeconds);
      // Not chained: restify replaces ServerResponse.prototype.writeHead process-wide with one that returns undefined.
      res.writeHead(429, headers);
      res.end(JSON.stringify({ error: { code: "TooManyRequests", message: "throttled" } }));
      return;
    }
    const route = this.route(req.method ?? "GET", path, body, new URLSearchParams(rawQuery));
    if (isWrite) this.recordAttempt(path, body, isCreate, route.status);
    res.writeHead(route.status, { "content-type": "application/json" });
    res.end(JSON.stringify(route.body));
  }

  private recordAttempt(path: string, body: Record<string, unknown>, isCreate: boolean, status: number): void {
    const channelId = (body["channelData"] as { channel?: { id?: string } } | undefined)?.channel?.id;
    const conversationId = path.replace(/^\/v3\/conversations\/?/, "").split("/")[0] ?? "";
    this.attempts.push({
      at: Date.now(),
      target: isCreate ? (channelId ?? "") : conversationId,
      kind: isCreate ? "create" : "write",
      status,
    });
  }

  private route(
    method: string,
    path: string,
    body: Record<string, unknown>,
    query: URLSearchParams,
  ): { status: number; body: unknown } {
    const parts = path
      .replace(/^\/v3\/conversations\/?/, "")
      .split("/")
      .filter((part) => part !== "");
    if (method === "POST" && parts.length === 0) return this.createConversation(body);
    const conversationId = parts[0] ?? "";
    if (method === "POST" && parts[1] === "activities") return this.sendActivity(conversationId, body);
    if (method === "PUT" && parts[1] === "activities" && parts[2]) return this.update(conversationId, parts[2], body);
    if (method === "DELETE" && parts[1] === "activities" && parts[2])
      return this.deleteActivity(conversationId, parts[2]);
    if (method === "GET" && parts[1] === "pagedmembers")
      return pagedMembers(conversationRoster(this.roster, conversationId), query);
    if (method === "GET" && parts[1] === "members" && parts[2])
      return memberById(conversationRoster(this.roster, conversationId), parts[2]);
    return { status: 404, body: { error: { code: "NotFound", message: `${method} ${path}` } } };
  }

  private createConversation(params: Record<string, unknown>) {
    const members = (params["members"] as Array<{ id: string }> | undefined) ?? [];
    const firstMember = members[0]?.id;
    if (firstMember && this.blockedUsers.has(firstMember)) {
      return { status: 403, body: { error: { code: "ConversationBlockedByUser", message: "MessageWritesBlocked" } } };
    }
    const channelId = (params["channelData"] as { channel?: { id?: string } } | undefined)?.channel?.id ?? "";
    const activity = params["activity"] as Record<string, unknown> | undefined;
    if (channelId && activity) {
      const { conversationId: id, activityId } = this.newTopLevelPost(channelId);
      this.createdConversations.push({ id, params });
      this.recorded.push({ kind: "create", conversationId: id, activityId, activity, at: Date.now() });
      return { status: 201, body: { id, activityId } };
    }
    const id = `a:personal-${firstMember ?? this.newId()}`;
    this.createdConversations.push({ id, params });
    return { status: 201, body: { id } };
  }

  private sendActivity(conversationId: string, activity: Record<string, unknown>) {
    if (conversationId.startsWith("a:personal-") && this.blockedUsers.has(conversationId.slice("a:personal-".length))) {
      return { status: 403, body: { error: { code: "Forbidden", message: "MessageWritesBlocked" } } };
    }
    // A send to the channel itself (no ;messageid=) starts a new top-level post, i.e. a new thread.
    const posted = isChannelRoot(conversationId) ? this.newTopLevelPost(conversationId) : this.newReply(conversationId);
    this.recorded.push({
      kind: "send",
      conversationId: posted.conversationId,
      activityId: posted.activityId,
      activity,
      at: Date.now(),
    });
    return { status: 200, body: { id: posted.activityId } };
  }

  private update(conversationId: string, activityId: string, activity: Record<string, unknown>) {
    if (!this.issued(conversationId, activityId)) return activityNotFound();
    this.recorded.push({ kind: "update", conversationId, activityId, activity, at: Date.now() });
    return { status: 200, body: { id: activityId } };
  }

  private deleteActivity(conversationId: string, activityId: string) {
    if (!this.issued(conversationId, activityId)) return activityNotFound();
    this.issuedActivities.delete(activityId);
    this.recorded.push({ kind: "delete", conversationId, activityId, activity: {}, at: Date.now() });
    return { status: 200, body: {} };
  }

  /**
   * Each top-level post in a channel is its own conversation, `<channel id>;messageid=<post id>`,
   * and its replies keep that id ("Channel and group chat conversations with a bot": a new post
   * starts a conversation, a reply continues it).
   * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations
   * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
   */
  private newTopLevelPost(channelId: string): { conversationId: string; activityId: string } {
    const activityId = this.newId();
    const conversationId = `${channelId};messageid=${activityId}`;
    this.issuedActivities.set(activityId, conversationId);
    return { conversationId, activityId };
  }

  private newReply(conversationId: string): { conversationId: string; activityId: string } {
    const activityId = this.newId();
    this.issuedActivities.set(activityId, conversationId);
    return { conversationId, activityId };
  }

  /**
   * Updates and deletes name an activity the connector issued, in the conversation it lives in;
   * anything else is 404 ActivityNotFoundInConversation, as the Bot Connector answers ("Status
   * codes from bot conversational APIs"); the code and message are those Microsoft's support engineer
   * got updating a made-up activity id in a channel thread (BotFramework-Services#269).
   * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/build-conversational-capability#status-codes-from-bot-conversational-apis
   * https://github.com/microsoft/BotFramework-Services/issues/269
   */
  issued(conversationId: string, activityId: string): boolean {
    return this.issuedActivities.get(activityId) === conversationId;
  }

  private newId(): string {
    this.nextId += 1;
    return `1700000000${String(this.nextId).padStart(6, "0")}`;
  }
}

/** A channel's own id (`19:…@thread.tacv2`, older `@thread.skype`), not a thread in it nor a group chat (`@thread.v2`). */
function isChannelRoot(conversationId: string): boolean {
  return /^19:.*@thread\.(tacv2|skype)$/.test(conversationId);
}

function activityNotFound() {
  return {
    status: 404,
    body: {
      error: { code: "ActivityNotFoundInConversation", message: "Message does not exist in the thread." },
    },
  };
}

export function cardsOf(activity: Record<string, unknown>): Array<Record<string, unknown>> {
  const attachments =
    (activity["attachments"] as Array<{ contentType?: string; content?: Record<string, unknown> }> | undefined) ?? [];
  return attachments
    .filter((attachment) => attachment.contentType === "application/vnd.microsoft.card.adaptive" && attachment.content)
    .map((attachment) => attachment.content as Record<string, unknown>);
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}
