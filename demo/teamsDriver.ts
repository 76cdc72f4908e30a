import type { ConnectorStandIn } from "../simulator/teams/connectorStandIn";
import { cardsOf } from "../simulator/teams/connectorStandIn";
import { pressCardAction } from "../simulator/teams/cardActions";
import type { TeamsPerson } from "../simulator/teams/people";
import { cardAction, channelMessage, personalMessage, type TeamsChannel } from "../simulator/teams/teamsActivities";

/** The bot as Teams reaches it: its messaging endpoint, and the connector it answers through. */
export interface BotEndpoint {
  connector: ConnectorStandIn;
  post(activity: object): Promise<{ status: number; body: unknown }>;
}

/** How long someone waits for the bot's "done" message before giving up (posting 17 cards takes seconds). */
const PATIENCE_MS = 120_000;
const POLL_MS = 20;

/** A card as it arrived in a conversation (a channel thread or someone's 1:1 chat). */
export interface ReceivedCard {
  conversationId: string;
  card: Record<string, unknown>;
}

/**
 * Speaks to the bot the way Teams does for each person: @mentions in channels, 1:1 messages, and
 * button presses on cards the bot sent (the card's own action data with the inputs merged in).
 * Every turn must be accepted; a refused one stops the run with the reason the bot gave.
 */
export class TeamsDriver {
  turns = 0;

  constructor(private readonly endpoint: BotEndpoint) {}

  get connector(): ConnectorStandIn {
    return this.endpoint.connector;
  }

  /** A command typed as a new post in the channel, as people do; resolves with that post's conversation (where the bot answers). */
  async inChannel(
    from: TeamsPerson,
    channel: TeamsChannel,
    text: string,
    mentions: TeamsPerson[] = [],
  ): Promise<string> {
    const post = channelMessage({ serviceUrl: this.connector.url, from, channel, text, mentions });
    await this.send(post);
    return post.conversation.id;
  }

  /** A 1:1 message; resolves with the cards the bot answered with in that chat. */
  async inPersonalChat(from: TeamsPerson, text: string): Promise<Array<Record<string, unknown>>> {
    const before = this.connector.recorded.length;
    await this.send(personalMessage({ serviceUrl: this.connector.url, from, text }));
    return this.connector.recorded
      .slice(before)
      .filter((entry) => entry.conversationId === `a:personal-${from.id}`)
      .flatMap((entry) => cardsOf(entry.activity));
  }

  /**
   * Presses `verb` on a received card; `channel` is where the card is (none for a 1:1 chat). Resolves with the card the bot shows back.
   * A warning shown back stops the run, unless `expected` recognises that card as the outcome the caller intended.
   */
  async press(
    from: TeamsPerson,
    received: ReceivedCard,
    channel: TeamsChannel | undefined,
    verb: string,
    typed: Record<string, string> = {},
    match: Record<string, string> = {},
    expected?: (shown: Record<string, unknown>) => boolean,
  ): Promise<Record<string, unknown>> {
    const { data } = pressCardAction(received.card, verb, typed, match);
    const response = await this.send(
      cardAction({
        serviceUrl: this.connector.url,
        from,
        channel,
        conversationId: channel ? received.conversationId : undefined,
        verb,
        data,
      }),
    );
    const body = response.body as { statusCode?: number; value?: unknown } | undefined;
    if (body?.statusCode !== 200 || !body.value || typeof body.value !== "object")
      throw new Error(`${verb} was not accepted (invoke status ${String(body?.statusCode)})`);
    const shown = body.value as Record<string, unknown>;
    const warning = warningOf(shown);
    if (warning && !expected?.(shown)) throw new Error(`${verb} was refused: ${warning}`);
    return shown;
  }

  /** Where the connector has recorded everything so far: pass it to `waitForCard` before acting. */
  get mark(): number {
    return this.connector.recorded.length;
  }

  /**
   * Waits, as a person in Teams would, for the bot to send a card containing `text` to
   * `conversationId` after `since` (a `mark`): e.g. "Area 7 is" once `start` has posted everything.
   */
  async waitForCard(conversationId: string, text: string, since: number): Promise<Record<string, unknown>> {
    const deadline = Date.now() + PATIENCE_MS;
    for (;;) {
      const found = this.connector.recorded
        .slice(since)
        .filter((entry) => entry.conversationId === conversationId)
        .flatMap((entry) => cardsOf(entry.activity))
        .find((card) => JSON.stringify(card).includes(text));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`the bot did not send "${text}" within ${PATIENCE_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async send(activity: object): Promise<{ status: number; body: unknown }> {
    this.turns += 1;
    const response = await this.endpoint.post(activity);
    if (response.status !== 200) throw new Error(`the bot answered HTTP ${response.status}`);
    return response;
  }
}

/**
 * Why the bot did not act on a press, as the person would read it: the "⚠ …" line of a card shown
 * back, or the heading of a warning notice ("The decision was not recorded").
 */
function warningOf(card: object): string | undefined {
  const blocks = textBlocks(card);
  const problem = blocks.find(
    (block) =>
      block.text.startsWith("⚠") ||
      (block.style === "heading" && (block.color === "Warning" || block.color === "Attention")),
  );
  if (!problem) return undefined;
  return [
    problem.text,
    ...blocks.slice(blocks.indexOf(problem) + 1, blocks.indexOf(problem) + 2).map((block) => block.text),
  ].join(" ");
}

function textBlocks(node: unknown): Array<{ text: string; color?: unknown; style?: unknown }> {
  if (Array.isArray(node)) return node.flatMap(textBlocks);
  if (!node || typeof node !== "object") return [];
  const record = node as Record<string, unknown>;
  const own =
    record["type"] === "TextBlock" && typeof record["text"] === "string"
      ? [{ text: record["text"], color: record["color"], style: record["style"] }]
      : [];
  return [...own, ...Object.values(record).flatMap(textBlocks)];
}
