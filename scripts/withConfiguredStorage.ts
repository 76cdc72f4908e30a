import { loadConfig, readEnvironment, type BotConfig } from "../bot/config";
import { startEmbeddedAzurite, type EmbeddedAzurite } from "../storage/embeddedAzurite";

/**
 * Runs `work` against the tables the bot itself would use (.env and the environment, as `npm start`
 * reads them): TABLES_CONNECTION_STRING, or the embedded Azurite's data folder. The embedded one
 * must not be running in a bot at the same time: stop the bot first.
 */
export async function withConfiguredStorage<T>(
  work: (storage: { connectionString: string; tablePrefix: string }, config: BotConfig) => Promise<T>,
): Promise<T> {
  const config = loadConfig(readEnvironment());
  let azurite: EmbeddedAzurite | undefined;
  try {
    if (config.storage.kind === "embeddedAzurite")
      azurite = await startEmbeddedAzurite({ location: config.storage.location, port: config.storage.port });
    const connectionString =
      config.storage.kind === "connectionString" ? config.storage.connectionString : (azurite?.connectionString ?? "");
    return await work({ connectionString, tablePrefix: config.storage.tablePrefix }, config);
  } finally {
    await azurite?.stop();
  }
}
