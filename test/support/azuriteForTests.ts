import { startEmbeddedAzurite, type EmbeddedAzurite } from "../../storage/embeddedAzurite";

/** The one in-memory Azurite of a test run, started and stopped by rootHooks. */
let running: EmbeddedAzurite | undefined;

export async function startAzuriteForTests(): Promise<void> {
  running ??= await startEmbeddedAzurite({ inMemory: true, port: 0 });
}

export async function stopAzuriteForTests(): Promise<void> {
  await running?.stop();
  running = undefined;
}

export function testTablesConnectionString(): string {
  if (running === undefined)
    throw new Error("Azurite is not running: test/support/rootHooks.ts starts it (see .mocharc.json)");
  return running.connectionString;
}
