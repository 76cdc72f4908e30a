import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { postActivity } from "../../simulator/teams/postActivity";

/**
 * The real bot (`bot/main.ts`, as `npm start` runs it) in a child process, so a test can SIGKILL
 * it mid-work and start another on the same tables: nothing in memory survives, as in production.
 */
export interface BotProcess {
  url: string;
  pid: number;
  /** Every stdout line (pino JSON) so far. */
  logLines: string[];
  /** Every stderr line so far. */
  stderrLines: string[];
  post(activity: object): Promise<{ status: number; body: unknown }>;
  /** SIGKILL: no shutdown hook runs, queued work is lost. */
  kill(): Promise<void>;
  /** SIGTERM: the bot's own graceful stop. */
  stop(): Promise<void>;
}

export interface BotProcessOptions {
  /** Omitted: the embedded default (set AZURITE_LOCATION and AZURITE_PORT in `env`). */
  tablesConnectionString?: string;
  tablePrefix: string;
  coordinators: readonly string[];
  env?: Record<string, string>;
  /** Extra node options after tsx is loaded, before the entry point (e.g. --expose-gc and a test-only preload). */
  nodeArgs?: readonly string[];
}

const ROOT = path.resolve(__dirname, "../..");
// Generous: on a loaded CI machine tsx compiling the bot alone has taken over 30 s.
const START_TIMEOUT_MS = 90_000;

export async function startBotProcess(options: BotProcessOptions): Promise<BotProcess> {
  // Started as `npm start` and the deployment start it (deploy/README.md): restify's spdy reads a deprecated
  // Node internal (DEP0111) at load time, and that one warning would otherwise open every bot's stderr.
  const nodeArgs = ["--disable-warning=DEP0111", "--import", "tsx", ...(options.nodeArgs ?? []), "bot/main.ts"];
  const child = spawn(process.execPath, nodeArgs, {
    cwd: ROOT,
    env: {
      PATH: process.env["PATH"] ?? "",
      ...(options.tablesConnectionString === undefined
        ? {}
        : { TABLES_CONNECTION_STRING: options.tablesConnectionString }),
      TABLE_NAME_PREFIX: options.tablePrefix,
      PORT: "0",
      HOST: "127.0.0.1",
      COORDINATOR_AAD_IDS: options.coordinators.join(","),
      LOG_LEVEL: "info",
      // No scheduled or caught-up digests: the tests count exactly what their commands send.
      DIGEST_SCHEDULE: "off",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logLines: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stderr }).on("line", (line) => stderr.push(line));
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      resolve();
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`bot process did not start in ${START_TIMEOUT_MS} ms: ${stderr.join("\n")}`));
    }, START_TIMEOUT_MS);
    child.once("exit", (code) => {
      reject(new Error(`bot process exited (${code}) before listening: ${stderr.join("\n")}`));
    });
    createInterface({ input: child.stdout }).on("line", (line) => {
      logLines.push(line);
      const listening = listeningUrl(line);
      if (listening) {
        clearTimeout(timer);
        resolve(listening);
      }
    });
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    url,
    pid: child.pid ?? 0,
    logLines,
    stderrLines: stderr,
    post: (activity) => postActivity(url, activity),
    kill: () => signal("SIGKILL"),
    stop: () => signal("SIGTERM"),
  };
}

function listeningUrl(line: string): string | undefined {
  try {
    const entry = JSON.parse(line) as { msg?: unknown; url?: unknown };
    return entry.msg === "bot listening: POST /api/messages, GET /healthz" && typeof entry.url === "string"
      ? entry.url
      : undefined;
  } catch {
    return undefined;
  }
}
