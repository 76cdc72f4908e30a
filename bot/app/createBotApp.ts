import { randomBytes } from "node:crypto";
import type { ConfigurationBotFrameworkAuthentication } from "botbuilder";
import type * as restify from "restify";
import type { Framework } from "../../assessment/framework/frameworkSchema";
import { DEFAULT_FRAMEWORK_PATH, loadFramework } from "../../storage/framework/loadFramework";
import { openStorage } from "../../storage/openStorage";
import type { WriteRecorder } from "../../storage/writeRecorder";
import type { BotConfig } from "../config";
import type { AppLogger } from "../logging/logger";
import { createAdapter } from "../adapter/createAdapter";
import { createHttpServer } from "../http/createHttpServer";
import { PacedSender, TEAMS_PACING, type PacingOptions } from "../posting/pacedSender";
import { ROSTER_PACING } from "../teams/teamRoster";
import { BaseCardUpdater } from "../posting/baseCardUpdater";
import { SelfAssessmentBot } from "../selfAssessmentBot";
import { COMMAND_HANDLERS } from "../commands/commandRegistry";
import { ACTION_HANDLERS } from "../actions/actionRegistry";
import { buildNoticeCard } from "../../cards/noticeCard";
import { sendCardToConversation } from "../teams/conversationSend";
import { BackgroundJobs } from "./backgroundJobs";
import type { BotServices } from "./botServices";
import { correlationMiddleware } from "./correlationMiddleware";
import { startDigestSchedule } from "../digest/digestSchedule";
import { downloadRoute } from "../compile/downloadRoute";
import { startRetentionSchedule } from "../retention/retentionSchedule";
import { errorFields } from "../logging/errorFields";
import { tabRoutes } from "../tab/tabRoutes";
import { createTabSignIn } from "../tab/tabSignIn";
import type { JWTVerifyGetKey } from "jose";

export interface BotAppOptions {
  config: BotConfig;
  tablesConnectionString: string;
  /** The embedded default's write-ahead journal (startEmbeddedAzurite); absent with Azure Storage. */
  storageRecorder?: WriteRecorder;
  logger: AppLogger;
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Tests replace Bot Framework token validation with a local stand-in (no network). */
  authOverride?: ConfigurationBotFrameworkAuthentication;
  pacing?: Partial<typeof TEAMS_PACING>;
  rosterPacing?: Partial<typeof ROSTER_PACING>;
  /** Run the DIGEST_SCHEDULE cron (the process does; tests call runScheduledDigests directly). */
  digestSchedule?: boolean;
  /** Tests verify tab SSO tokens against locally generated keys instead of the tenant's JWKS (no network). */
  tabTokenKeys?: JWTVerifyGetKey;
  /** Run retention at start-up and daily when RETENTION_MONTHS > 0 (the process does; tests call runRetention directly). */
  retentionSchedule?: boolean;
}

export interface BotApp {
  server: restify.Server;
  services: BotServices;
  framework: Framework;
  listen(): Promise<string>;
  /** Waits for background work (posting, updates) — shutdown and tests use it. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The composition root: everything the bot needs, wired once, with no state kept in memory. */
export async function createBotApp(options: BotAppOptions): Promise<BotApp> {
  const { config, logger } = options;
  const framework = loadFramework(config.frameworkFile ?? DEFAULT_FRAMEWORK_PATH);
  const storage = openStorage({
    connectionString: options.tablesConnectionString,
    tablePrefix: config.storage.tablePrefix,
    recorder: options.storageRecorder,
  });
  await storage.ensureTables();
  const adapter = createAdapter(config, logger, options.authOverride);
  adapter.use(correlationMiddleware(logger));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // Posts and roster reads are paced apart (each under its own Teams limits) on the same clock and jitter.
  const paced = (pacing: Pick<PacingOptions, "limits" | "retry">, overrides: Partial<typeof pacing> | undefined) =>
    new PacedSender({ ...pacing, ...overrides, sleep, random: options.random ?? Math.random, now: () => Date.now() });
  const jobs = new BackgroundJobs((error, jobName) => {
    logger.error({ jobName, error: errorFields(error) }, "background job failed");
  });
  const downloadSecret = config.downloadLinks.secret ?? randomBytes(32).toString("hex");
  if (!config.downloadLinks.secret)
    logger.warn(
      "No DOWNLOAD_LINK_SECRET configured: using a random one, so download links stop working when the bot restarts",
    );
  const ownUrl = () => server.url.replace("[::]", "127.0.0.1").replace("0.0.0.0", "127.0.0.1");
  const services: BotServices = {
    config,
    framework,
    storage,
    logger,
    clock: options.clock ?? (() => new Date()),
    sender: paced(TEAMS_PACING, options.pacing),
    rosterReads: paced(ROSTER_PACING, options.rosterPacing),
    adapter,
    botAppId: config.botAuth?.appId ?? "",
    jobs,
    cardUpdater: { schedule: () => undefined },
    downloadSecret,
    downloadBaseUrl: () => config.publicBaseUrl ?? ownUrl(),
    notify: async (conversation, notice) => {
      await services.sender.send(conversation.conversationId, () =>
        sendCardToConversation(services, conversation, buildNoticeCard(notice)),
      );
    },
  };
  services.cardUpdater = new BaseCardUpdater(services);
  const bot = new SelfAssessmentBot(services, COMMAND_HANDLERS, ACTION_HANDLERS);
  const stopSchedule = options.digestSchedule ? startDigestSchedule(services) : () => undefined;
  const stopRetention = options.retentionSchedule ? startRetentionSchedule(services) : () => undefined;
  const server = createHttpServer({
    adapter,
    bot,
    health: () => storage.health(),
    logger,
    loopbackServiceUrlsOnly: !config.botAuth,
    extraRoutes: [
      downloadRoute({ files: storage.compiledFiles, secret: downloadSecret, clock: services.clock, logger }),
      tabRoutes(services, createTabSignIn(config.tabSignIn, options.tabTokenKeys)),
    ],
  });
  const idle = async () => {
    await jobs.idle();
    await services.sender.idle();
  };
  return {
    server,
    services,
    framework,
    idle,
    listen: () =>
      new Promise((resolve) => {
        server.listen(config.http.port, config.http.host, () => {
          resolve(server.url.replace("[::]", "127.0.0.1").replace("0.0.0.0", "127.0.0.1"));
        });
      }),
    close: async () => {
      stopSchedule();
      stopRetention();
      await idle();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
