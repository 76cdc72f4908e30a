import { ConfigError, loadConfig, readEnvironment, type BotConfig } from "./config";
import { createLogger } from "./logging/logger";
import { routeConsoleToLogger } from "./logging/routeConsoleToLogger";
import { createBotApp } from "./app/createBotApp";
import { startEmbeddedAzurite } from "../storage/embeddedAzurite";
import { errorFields } from "./logging/errorFields";

/**
 * `npm start`: the bot on PORT, with Azure Tables from TABLES_CONNECTION_STRING or, when none is
 * set, an embedded Azurite keeping its data in AZURITE_LOCATION so answers survive restarts.
 */
async function main(): Promise<void> {
  const config = readConfigOrExit();
  const logger = createLogger({ level: config.logLevel });
  routeConsoleToLogger(logger);
  const azurite =
    config.storage.kind === "embeddedAzurite"
      ? await startEmbeddedAzurite({
          location: config.storage.location,
          port: config.storage.port,
          onCheckpointError: (error) => {
            logger.error(
              { error: errorFields(error) },
              "storage checkpoint failed (the journal keeps every write; retried later)",
            );
          },
        })
      : undefined;
  const connectionString =
    config.storage.kind === "connectionString" ? config.storage.connectionString : (azurite?.connectionString ?? "");
  if (azurite)
    logger.info(
      { port: azurite.port, location: config.storage.kind === "embeddedAzurite" ? config.storage.location : undefined },
      "embedded Azurite table service started (127.0.0.1 only)",
    );
  if (config.botAuth) logger.info({ appType: config.botAuth.appType }, "Bot Framework JWT authentication is ON");
  else logger.warn("No MicrosoftAppId configured: Bot Framework authentication is OFF (local use only)");
  if (config.coordinatorAadIds.length === 0) logger.warn(NO_COORDINATOR);
  const app = await createBotApp({
    config,
    tablesConnectionString: connectionString,
    storageRecorder: azurite?.recorder,
    logger,
    digestSchedule: true,
    retentionSchedule: true,
  });
  const url = await app.listen();
  const bound = app.server.address();
  logger.info(
    { url, listeningOn: `${bound.address}:${bound.port}`, coordinators: config.coordinatorAadIds.length },
    "bot listening: POST /api/messages, GET /healthz",
  );
  if (!config.botAuth && !isLoopbackAddress(bound.address)) {
    logger.warn(
      { listeningOn: bound.address },
      "WARNING: authentication is OFF and HOST makes the bot reachable from other machines: anyone who reaches it can act as any user. Set MicrosoftAppId, or leave HOST empty to listen on 127.0.0.1 only",
    );
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    await app.close();
    await azurite?.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

const NO_COORDINATOR =
  "No coordinator configured: nobody can assign areas or compile. Set COORDINATOR_AAD_IDS in .env (or the app settings) " +
  "to the coordinator's Microsoft Entra object id (Entra admin centre > Users > the person > Object ID), then restart.";

function isLoopbackAddress(address: string): boolean {
  return address === "::1" || /^(::ffff:)?127\./.test(address);
}

function readConfigOrExit(): BotConfig {
  try {
    return loadConfig(readEnvironment());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

void main().catch((error: unknown) => {
  // Not console.error: after start-up that is routed into the log as a library's message.
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
