import * as restify from "restify";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, TeamsActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from "botbuilder";

const CONSTANT_CARD = {
  type: "AdaptiveCard",
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  version: "1.4",
  body: [{ type: "TextBlock", text: "Your answer is saved.", wrap: true }],
};

/** The floor for the submit path: botbuilder + restify with no storage and no work — a constant card back. */
class ConstantCardBot extends TeamsActivityHandler {
  protected override async onAdaptiveCardInvoke(_context: TurnContext, _invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: CONSTANT_CARD };
  }
}

export interface BareBot {
  url: string;
  close(): Promise<void>;
}

export async function startBareBot(): Promise<BareBot> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ConstantCardBot();
  const server = restify.createServer({ name: "bare-bot", handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
  server.post("/api/messages", async (req, res) => {
    await adapter.process(req, res, (turn) => bot.run(turn));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const url = server.url.replace("[::]", "127.0.0.1").replace("0.0.0.0", "127.0.0.1");
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
