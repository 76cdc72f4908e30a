import { Writable } from "node:stream";
import { randomBytes } from "node:crypto";
import { loadConfig } from "../../bot/config";
import { createLogger } from "../../bot/logging/logger";
import { createBotApp, type BotApp, type BotAppOptions } from "../../bot/app/createBotApp";
import { testTablesConnectionString } from "./azuriteForTests";
import { ConnectorStandIn } from "../../simulator/teams/connectorStandIn";
import { postActivity } from "../../simulator/teams/postActivity";

/**
 * The real bot on a free port over real Azurite (a fresh set of tables per harness), talking to a
 * connector stand-in: tests drive it with HTTP POSTs of Teams-shaped activities, as Teams would.
 */
export interface BotHarness {
  app: BotApp;
  url: string;
  connector: ConnectorStandIn;
  logLines: string[];
  tablePrefix: string;
  post(activity: object, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  coordinators: string[];
  env?: Record<string, string>;
  connector?: ConnectorStandIn;
  tablePrefix?: string;
  /** Storage as the bot sees it (e.g. through test/support/storageFaultProxy); default: the test Azurite. */
  tablesConnectionString?: string;
  appOptions?: Partial<BotAppOptions>;
}

export async function startBotHarness(options: HarnessOptions): Promise<BotHarness> {
  const tablePrefix = options.tablePrefix ?? `t${randomBytes(5).toString("hex")}`;
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    TABLES_CONNECTION_STRING: testTablesConnectionString(),
    TABLE_NAME_PREFIX: tablePrefix,
    COORDINATOR_AAD_IDS: options.coordinators.join(","),
    LOG_LEVEL: "info",
    ...options.env,
  });
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(...chunk.toString("utf8").split("\n").filter((line) => line !== ""));
      callback();
    },
  });
  const connector = options.connector ?? new ConnectorStandIn();
  if (!options.connector) await connector.start();
  const app = await createBotApp({
    config,
    tablesConnectionString: options.tablesConnectionString ?? testTablesConnectionString(),
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

