import { randomBytes } from "node:crypto";
import type { DestinationStream } from "pino";
import { loadConfig } from "../bot/config";
import { createBotApp } from "../bot/app/createBotApp";
import { createLogger } from "../bot/logging/logger";
import { startEmbeddedAzurite } from "../storage/embeddedAzurite";
import { ConnectorStandIn } from "../simulator/teams/connectorStandIn";
import { postActivity } from "../simulator/teams/postActivity";
import type { DemoBot } from "./playAssessment";
import type { TEAMS_PACING } from "../bot/posting/pacedSender";

export interface DemoBotOptions {
  coordinatorAadId: string;
  clock: () => Date;
  pacing: typeof TEAMS_PACING;
  /** Where the bot's JSON log lines go (the demo keeps them in its output folder). */
  logDestination: DestinationStream;
}

/**
 * The bot as `npm start` runs it, but self-contained: a fresh in-memory Azurite (nothing left
 * behind), the connector stand-in on 127.0.0.1 in place of Teams, and HTTP on a free port.
 */
export async function startDemoBot(options: DemoBotOptions): Promise<DemoBot & { url: string }> {
  const azurite = await startEmbeddedAzurite({ inMemory: true, port: 0 });
  const connector = new ConnectorStandIn();
  await connector.start();
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    TABLES_CONNECTION_STRING: azurite.connectionString,
    TABLE_NAME_PREFIX: "demo",
    COORDINATOR_AAD_IDS: options.coordinatorAadId,
    DOWNLOAD_LINK_SECRET: randomBytes(32).toString("hex"),
    LOG_LEVEL: "info",
  });
  const app = await createBotApp({
    config,
    tablesConnectionString: azurite.connectionString,
    logger: createLogger({ level: config.logLevel, destination: options.logDestination }),
    clock: options.clock,
    pacing: options.pacing,
  });
  const url = await app.listen();
  return {
    url,
    connector,
    post: (activity) => postActivity(url, activity),
    async close() {
      await app.close();
      await connector.stop();
      await azurite.stop();
    },
  };
}
