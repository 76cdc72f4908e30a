import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { readEnvironment } from "../../bot/config";

const ROOT = path.resolve(__dirname, "../..");

interface FirstRun {
  stdout: string[];
  stderr: string[];
  listening: boolean;
}

/**
 * `npm start` exactly as a newcomer types it, on an empty data folder, stopped with SIGTERM once
 * it listens. Variables a developer's own .env might set are given here, and the shell's win.
 */
async function npmStartOnce(dataDir: string): Promise<FirstRun> {
  const child = spawn("npm", ["start"], {
    cwd: ROOT,
    detached: true, // its own process group, so the stop reaches npm, tsx and node alike
    env: {
      PATH: process.env["PATH"] ?? "",
      HOME: dataDir,
      npm_config_update_notifier: "false",
      AZURITE_LOCATION: dataDir,
      AZURITE_PORT: "0",
      PORT: "0",
      HOST: "127.0.0.1",
      DIGEST_SCHEDULE: "off",
      COORDINATOR_AAD_IDS: "",
      MicrosoftAppId: "",
      TABLES_CONNECTION_STRING: "",
      TABLE_NAME_PREFIX: "sa",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const run: FirstRun = { stdout: [], stderr: [], listening: false };
  createInterface({ input: child.stderr }).on("line", (line) => run.stderr.push(line));
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      resolve();
    }),
  );
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 90_000);
    createInterface({ input: child.stdout }).on("line", (line) => {
      run.stdout.push(line);
      if (line.includes('"msg":"bot listening')) {
        run.listening = true;
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", () => {
      resolve();
    });
  });
  if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
  await exited;
  return run;
}

function logEntries(lines: readonly string[]): Array<{ level?: number; msg?: string }> {
  return lines
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { level?: number; msg?: string });
}

describe("first run (npm start)", function () {
  this.timeout(120_000);

  it("starts on an empty data folder, nothing on stderr, saying in one line that no coordinator is set and how to set it", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "first-run-"));
    try {
      const run = await npmStartOnce(dataDir);
      assert.ok(run.listening, `the bot did not start:\n${run.stdout.join("\n")}\n${run.stderr.join("\n")}`);
      assert.deepEqual(run.stderr, [], "no deprecation or other warnings on a clean start");
      const coordinatorLines = logEntries(run.stdout).filter((entry) =>
        entry.msg?.startsWith("No coordinator configured"),
      );
      assert.equal(coordinatorLines.length, 1);
      assert.equal(coordinatorLines[0]?.level, 40);
      assert.match(coordinatorLines[0].msg ?? "", /Set COORDINATOR_AAD_IDS in \.env .*Object ID.*restart/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe("readEnvironment", () => {
  const keys = ["FIRST_RUN_TEST_FROM_FILE", "FIRST_RUN_TEST_FROM_SHELL"] as const;
  afterEach(() => {
    for (const key of keys) Reflect.deleteProperty(process.env, key);
  });

  it("adds the variables of .env, and a variable already set in the environment wins over the file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dotenv-"));
    try {
      const envFile = path.join(dir, ".env");
      await writeFile(envFile, "FIRST_RUN_TEST_FROM_FILE=file\nFIRST_RUN_TEST_FROM_SHELL=file\n");
      process.env["FIRST_RUN_TEST_FROM_SHELL"] = "shell";
      const env = readEnvironment(envFile);
      assert.equal(env["FIRST_RUN_TEST_FROM_FILE"], "file");
      assert.equal(env["FIRST_RUN_TEST_FROM_SHELL"], "shell");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("is the plain environment when there is no .env", () => {
    assert.doesNotThrow(() => readEnvironment(path.join(tmpdir(), "no-such-dir", ".env")));
    assert.equal(readEnvironment(path.join(tmpdir(), "no-such-dir", ".env"))["FIRST_RUN_TEST_FROM_FILE"], undefined);
  });
});
