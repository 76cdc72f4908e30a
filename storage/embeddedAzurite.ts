import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { replayJournal } from "./replayJournal";
import { syncPath } from "./syncPath";
import { readJournal, WriteJournal } from "./writeJournal";
import type { WriteRecorder } from "./writeRecorder";

export interface EmbeddedAzuriteOptions {
  /** A folder for the database file, so data survives restarts (the bot's local run). */
  location?: string;
  /** Keep everything in memory (tests). Exactly one of location and inMemory. */
  inMemory?: boolean;
  /** 0 picks any free port. */
  port: number;
  /** A checkpoint failed while running; nothing is lost (the journal keeps it) and the next one retries. */
  onCheckpointError?: (error: unknown) => void;
}

export interface EmbeddedAzurite {
  connectionString: string;
  port: number;
  /** With a location: the write-ahead journal every write must go through (openStorage's `recorder`). */
  recorder?: WriteRecorder;
  /** Saves everything (a clean stop leaves no journal to replay) and stops. */
  stop(): Promise<void>;
}

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
const DEV_ACCOUNT = "devstoreaccount1";
const DEV_ACCOUNT_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
const HOST = "127.0.0.1";
const DB_FILE = "__azurite_db_table__.json";

/**
 * Runs in the worker. The TableConfiguration arguments, in Azurite 3.35's order: host, port,
 * keep-alive seconds, database path, debug log off, access log off, (no log stream, no debug
 * file), loose mode off, API version check on, no cert/key/password, no OAuth, account name
 * always from the path, in-memory persistence. Telemetry is only wired up by Azurite's own
 * command line, which this does not use, so nothing is sent. With a location, LokiJS's 5-second
 * autosave is turned off: the file is saved only on "save" (a journal checkpoint, see writeJournal.ts),
 * so it always holds a state with no write half done. (Azurite's close saves only with autosave on.)
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { default: TableServer } = require(workerData.modules.server);
const { default: TableConfiguration } = require(workerData.modules.configuration);
require(workerData.modules.logger).configLogger(false);
const configuration = new TableConfiguration(workerData.host, workerData.port, 5, workerData.dbPath, false, false,
  undefined, undefined, false, false, "", "", "", undefined, true, workerData.inMemory);
const server = new TableServer(configuration);
server.start().then(
  () => {
    if (!workerData.inMemory) server.metadataStore.db.autosaveDisable();
    parentPort.postMessage({ type: "started", port: Number(new URL(server.getHttpServerAddress()).port) });
  },
  (error) => parentPort.postMessage({ type: "failed", message: String(error && error.message) }),
);
parentPort.on("message", (request) => {
  if (request === "save") {
    server.metadataStore.db.saveDatabase((error) =>
      parentPort.postMessage(error ? { type: "failed", message: String(error.message) } : { type: "saved" }));
  } else {
    server.close().then(() => parentPort.postMessage({ type: "stopped" }));
  }
});
`;

const workerMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("started"), port: z.number().int().positive() }),
  z.object({ type: z.literal("failed"), message: z.string() }),
  z.object({ type: z.literal("stopped") }),
  z.object({ type: z.literal("saved") }),
]);
type WorkerMessage = z.infer<typeof workerMessageSchema>;

function nextMessage(worker: Worker): Promise<WorkerMessage> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      reject(error);
    };
    worker.once("error", onError);
    worker.once("message", (message: unknown) => {
      worker.off("error", onError);
      resolve(workerMessageSchema.parse(message));
    });
  });
}

export function connectionStringFor(port: number): string {
  const endpoint = `http://${HOST}:${port}/${DEV_ACCOUNT}`;
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_ACCOUNT_KEY};TableEndpoint=${endpoint};`;
}

/**
 * Starts Azurite's Table service (from the installed `azurite` package) on 127.0.0.1 only, in a
 * worker thread of this process. Not on the main thread: restify sets `query` on Node's shared
 * IncomingMessage prototype, which makes Azurite's express skip parsing the query string, so
 * every $filter would be silently ignored. A worker has its own copy of Node's modules.
 */
export async function startEmbeddedAzurite(options: EmbeddedAzuriteOptions): Promise<EmbeddedAzurite> {
  const inMemory = options.inMemory === true;
  if (inMemory === (options.location !== undefined))
    throw new Error("startEmbeddedAzurite needs exactly one of `location` and `inMemory`");
  if (options.location !== undefined) await mkdir(options.location, { recursive: true });
  const modules = {
    server: require.resolve("azurite/dist/src/table/TableServer"),
    configuration: require.resolve("azurite/dist/src/table/TableConfiguration"),
    logger: require.resolve("azurite/dist/src/common/Logger"),
  };
  const dbPath = options.location === undefined ? DB_FILE : join(options.location, DB_FILE);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { modules, host: HOST, port: options.port, dbPath, inMemory },
  });
  const started = await nextMessage(worker);
  if (started.type !== "started") {
    await worker.terminate();
    throw new Error(
      `Azurite did not start on ${HOST}:${options.port}: ${started.type === "failed" ? started.message : started.type}`,
    );
  }
  const connectionString = connectionStringFor(started.port);
  // One request to the worker at a time: its answers are matched to requests by order.
  let requests: Promise<unknown> = Promise.resolve();
  const request = (message: "save" | "stop", expected: WorkerMessage["type"]): Promise<void> => {
    const done = requests.then(async () => {
      const answer = nextMessage(worker);
      worker.postMessage(message);
      const received = await answer;
      if (received.type !== expected)
        throw new Error(
          `Azurite could not ${message}: ${received.type === "failed" ? received.message : received.type}`,
        );
    });
    requests = done.catch(() => undefined);
    return done;
  };
  const location = options.location;
  let journal: WriteJournal | undefined;
  try {
    journal =
      location === undefined
        ? undefined
        : await openJournal(location, connectionString, dbPath, () => request("save", "saved"), options);
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  const stop = async () => {
    await journal?.close();
    await request("stop", "stopped");
    await worker.terminate();
  };
  return { connectionString, port: started.port, recorder: journal, stop };
}

/**
 * Start-up of a persistent Azurite: whatever the journal holds (writes acknowledged since the file
 * was last saved) is replayed into Azurite, and a checkpoint then saves the file and empties the
 * journal — all before the bot serves.
 */
async function openJournal(
  location: string,
  connectionString: string,
  dbPath: string,
  save: () => Promise<void>,
  options: EmbeddedAzuriteOptions,
): Promise<WriteJournal> {
  await replayJournal(connectionString, await readJournal(location));
  const persist = async () => {
    await save();
    // LokiJS writes a temporary file and renames it, without fsync: make both reach the disk.
    await syncPath(dbPath);
    await syncPath(location);
  };
  const onCheckpointError =
    options.onCheckpointError ??
    ((error: unknown) => {
      console.error("journal checkpoint failed", error);
    });
  const journal = await WriteJournal.open({ location, persist, onCheckpointError });
  await journal.checkpoint();
  return journal;
}
