import { parseArgs } from "node:util";
import { loadConfig, readEnvironment } from "../bot/config";
import { renderCardMarkdown } from "../demo/renderCardMarkdown";
import { ConnectorStandIn, cardsOf } from "../simulator/teams/connectorStandIn";
import { postActivity } from "../simulator/teams/postActivity";
import type { TeamsPerson } from "../simulator/teams/people";
import { channelMessage, personalMessage, type TeamsChannel } from "../simulator/teams/teamsActivities";

/**
 * `npm run talk -- [--as <Entra object id>] [--channel <name>] [--bot <url>] <text…>`: one message to
 * a bot started with `npm start` (authentication off), as Teams would send it, through the
 * simulator's connector stand-in, and what the bot answered, printed as text. The default sender
 * is the first coordinator in COORDINATOR_AAD_IDS; the default place is a 1:1 chat.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      as: { type: "string" },
      channel: { type: "string" },
      bot: { type: "string", default: "http://127.0.0.1:3978" },
    },
    allowPositionals: true,
    strict: true,
  });
  const text = positionals.join(" ").trim();
  if (text === "") throw new Error('Usage: npm run talk -- [--as <object id>] [--channel "Housing group"] help');
  const aadObjectId =
    values.as ?? loadConfig(readEnvironment()).coordinatorAadIds[0] ?? "00000000-0000-0000-0000-00000000beef";
  const from: TeamsPerson = { id: `29:local-${aadObjectId}`, name: "Local tester", aadObjectId };
  const connector = new ConnectorStandIn();
  await connector.start();
  try {
    const serviceUrl = connector.url;
    const activity = values.channel
      ? channelMessage({ serviceUrl, from, channel: localChannel(values.channel), text })
      : personalMessage({ serviceUrl, from, text });
    const response = await postActivity(values.bot.replace(/\/+$/, ""), activity);
    // Posting (start) carries on after the HTTP answer; give it a moment to show its first cards.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    if (response.status !== 200) console.log(`HTTP ${response.status}`);
    for (const entry of connector.recorded) {
      if (typeof entry.activity["text"] === "string" && entry.activity["text"] !== "")
        console.log(`${entry.activity["text"]}\n`);
      for (const card of cardsOf(entry.activity)) console.log(`${renderCardMarkdown(card)}---`);
    }
  } finally {
    await connector.stop();
  }
}

/** The same name always gives the same channel, so a later run continues where the last one was. */
function localChannel(name: string): TeamsChannel {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return { teamId: "19:local-team@thread.tacv2", channelId: `19:local-${slug}@thread.tacv2`, name };
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
