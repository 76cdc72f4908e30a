import * as restify from "restify";
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from "botbuilder";
import { TableClient } from "@azure/data-tables";
import { z } from "zod";

const CONSTANT_CARD = {
  type: "AdaptiveCard",
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  version: "1.4",
  body: [{ type: "TextBlock", text: "Your answer is saved.", wrap: true }],
};

/** The same payload checks as the real bot's submitAnswer (card identity and answer), without roles or cards. */
const payloadSchema = z.object({
  assessmentId: z.string().min(1).max(300),
  areaNumber: z.coerce.number().int().min(1).max(99),
  statementId: z.string().min(1).max(16),
  rating: z.coerce.number().int().min(1).max(4),
  evidence: z.string().max(8_000),
  ideas: z.string().max(8_000),
});

/**
 * The anchors for the submit path: botbuilder + restify doing no work (a constant card back), or,
 * with a table, the floor for any bot that stores an answer — validate the payload with zod and
 * write one entity (one storage round trip) before the same constant card. The real bot's storage
 * work per answer is also one single-entity write (its audit entry rides in the row's trail), so
 * the real bot ÷ the storing anchor is what the bot itself adds (roles, cards, dispatch, the trail).
 */
class AnchorBot extends TeamsActivityHandler {
  constructor(private readonly table: TableClient | undefined) {
    super();
  }

  protected override async onAdaptiveCardInvoke(
    turn: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    if (this.table) {
      const payload = payloadSchema.parse(invokeValue.action.data);
      const person = turn.activity.from.aadObjectId ?? turn.activity.from.id;
      const answer = {
        partitionKey: `${payload.assessmentId}|${payload.areaNumber}`,
        rowKey: `${payload.statementId}|${person}`,
        ...payload,
      };
      await this.table.upsertEntity(answer, "Replace");
    }
    return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: CONSTANT_CARD };
  }
}

export interface BareBot {
  url: string;
  close(): Promise<void>;
}

/** `storeIn`: a connection string and table name for a storing anchor; omitted: the constant-card anchor. */
export async function startBareBot(storeIn?: { connectionString: string; table: string }): Promise<BareBot> {
  const table =
    storeIn &&
    TableClient.fromConnectionString(storeIn.connectionString, storeIn.table, { allowInsecureConnection: true });
  await table?.createTable();
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new AnchorBot(table);
  const server = restify.createServer({ name: "bare-bot", handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
  server.post("/api/messages", async (req, res) => {
    await adapter.process(req, res, (turn) => bot.run(turn));
  });
  await new Promise<void>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve();
    });
  });
  const url = server.url.replace("[::]", "127.0.0.1").replace("0.0.0.0", "127.0.0.1");
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
