import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { createBotApp, type BotApp, type BotAppOptions } from "../bot/app/createBotApp";
import { loadConfig } from "../bot/config";
import { createLogger } from "../bot/logging/logger";
import type { WriteRecorder } from "../storage/writeRecorder";
import { ConnectorStandIn } from "./teams/connectorStandIn";
import { postActivity } from "./teams/postActivity";

/** The real bot in this process on a free 127.0.0.1 port, over the given tables, posting to a connector stand-in. */
export interface LocalBot {
  app: BotApp;
  url: string;
  connector: ConnectorStandIn;
  /** The bot's JSON log, line by line. */
  logLines: string[];
  tablePrefix: string;
  post(activity: object, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export interface LocalBotOptions {
  tablesConnectionString: string;
  /** The embedded default's journal (startEmbeddedAzurite with a location); omitted: writes are not journaled. */
  storageRecorder?: WriteRecorder;
  coordinators: string[];
  env?: Record<string, string>;
  /** Shared with another bot (two instances, one Teams); otherwise one is started and stopped with the bot. */
  connector?: ConnectorStandIn;
  tablePrefix?: string;
  appOptions?: Partial<BotAppOptions>;
}

/** Used by the tests' harness and the bench, so both drive the bot exactly as Teams would: over HTTP. */
export async function startLocalBot(options: LocalBotOptions): Promise<LocalBot> {
  const tablePrefix = options.tablePrefix ?? `t${randomBytes(5).toString("hex")}`;
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    TABLES_CONNECTION_STRING: options.tablesConnectionString,
    TABLE_NAME_PREFIX: tablePrefix,
    COORDINATOR_AAD_IDS: options.coordinators.join(","),
    LOG_LEVEL: "info",
    ...options.env,
  });
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(
        ...chunk
          .toString("utf8")
          .split("\n")
          .filter((line) => line !== ""),
      );
      callback();
    },
  });
  const connector = options.connector ?? new ConnectorStandIn();
  if (!options.connector) await connector.start();
  const app = await createBotApp({
    config,
    tablesConnectionString: options.tablesConnectionString,
    storageRecorder: options.storageRecorder,
    logger: createLogger({ level: config.logLevel, destination }),
    pacing: { limits: [{ max: 50, perMs: 100 }], retry: { maxAttempts: 8, baseDelayMs: 20, maxDelayMs: 2000 } },
    // Roster reads too: fuzzing sends hundreds of mentions to one team, which Teams' roster limits would spread over minutes.
    rosterPacing: { limits: [{ max: 50, perMs: 100 }] },
    ...options.appOptions,
  });
  const url = await app.listen();
  return {
    app,
    url,
    connector,
    logLines,
    tablePrefix,
    post: (activity, headers = {}) => postActivity(url, activity, headers),
    async close() {
      await app.close();
      if (!options.connector) await connector.stop();
    },
  };
}
