import assert from "node:assert/strict";
import net from "node:net";
import os from "node:os";
import { randomBytes } from "node:crypto";
import { startBotProcess, type BotProcess } from "../../support/botProcess";
import { startBotHarness, type BotHarness } from "../../support/botHarness";
import { testTablesConnectionString } from "../../support/azuriteForTests";
import { tableSnapshot } from "../../support/tableSnapshot";
import { makePerson } from "../../../simulator/teams/people";
import { personalMessage } from "../../../simulator/teams/teamsActivities";
import { isLoopbackServiceUrl } from "../../../bot/http/isLoopbackServiceUrl";

/** Without MicrosoftAppId nothing authenticates a request, so local mode must not be reachable or steerable from elsewhere. */
describe("local mode (authentication off)", function () {
  this.timeout(60_000);

  describe("where the bot process listens", () => {
    const started: BotProcess[] = [];
    const start = (env: Record<string, string>) =>
      startBotProcess({
        tablesConnectionString: testTablesConnectionString(),
        tablePrefix: `t${randomBytes(5).toString("hex")}`,
        coordinators: [],
        env,
      }).then((bot) => {
        started.push(bot);
        return bot;
      });
    after(async () => Promise.all(started.map((bot) => bot.stop())));

    it("listens on 127.0.0.1 when HOST is empty, logs that address, and is not reachable on the machine's other addresses", async () => {
      const bot = await start({ HOST: "" });
      const listening = logEntry(bot, "bot listening: POST /api/messages, GET /healthz");
      const port = new URL(bot.url).port;
      assert.equal(listening["listeningOn"], `127.0.0.1:${port}`);
      assert.equal(
        bot.logLines.some((line) => line.includes("authentication is OFF and HOST")),
        false,
        "no warning when only this machine can connect",
      );
      for (const address of externalAddresses()) {
        assert.equal(await canConnect(address, Number(port)), false, `reachable on ${address}`);
      }
    });

    it("listens where HOST says when it is set, logs the address actually bound, and warns loudly that requests are unauthenticated", async () => {
      const bot = await start({ HOST: "0.0.0.0" });
      const port = new URL(bot.url).port;
      assert.equal(logEntry(bot, "bot listening: POST /api/messages, GET /healthz")["listeningOn"], `0.0.0.0:${port}`);
      const warning = bot.logLines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((entry) => String(entry["msg"]).startsWith("WARNING: authentication is OFF"));
      assert.ok(warning, bot.logLines.join("\n"));
      assert.equal(warning["level"], 40);
    });
  });

  describe("whose activities it accepts", () => {
    let harness: BotHarness;
    const coordinator = makePerson("Chris Coordinator");
    before(async () => {
      harness = await startBotHarness({ coordinators: [coordinator.aadObjectId] });
    });
    after(async () => harness.close());

    it("refuses an activity whose serviceUrl is not on this machine (403): no outbound call, nothing stored", async () => {
      for (const serviceUrl of [
        "https://smba.trafficmanager.net/emea/",
        "http://127.0.0.1.evil.example/",
        "http://localhost@evil.example/",
        "http://10.0.0.7:3978/",
      ]) {
        const before = await tableSnapshot(harness.tablePrefix);
        const sent = harness.connector.recorded.length;
        const response = await harness.post(
          personalMessage({ serviceUrl, from: coordinator, text: "details name=Elsewhere" }),
        );
        await harness.app.idle();
        assert.equal(response.status, 403, serviceUrl);
        assert.deepEqual(await tableSnapshot(harness.tablePrefix), before, `${serviceUrl}: something was stored`);
        assert.equal(harness.connector.recorded.length, sent, `${serviceUrl}: something was sent`);
      }
    });

    it("accepts an activity whose serviceUrl is localhost (not only 127.0.0.1)", async () => {
      const serviceUrl = harness.connector.url.replace("127.0.0.1", "localhost");
      const response = await harness.post(personalMessage({ serviceUrl, from: coordinator, text: "help" }));
      await harness.app.idle();
      assert.equal(response.status, 200);
      assert.ok(harness.connector.recorded.length > 0, "the reply reached the local connector");
    });
  });

  it("counts only loopback http(s) URLs without credentials as loopback serviceUrls", () => {
    const loopback = ["http://127.0.0.1:3978/", "https://localhost/", "http://LOCALHOST:1/x", "http://[::1]:8080/"];
    const elsewhere = [
      "https://smba.trafficmanager.net/teams/",
      "http://127.0.0.1.evil.example/",
      "http://evil.example/?h=127.0.0.1",
      "http://user@127.0.0.1/",
      "ftp://127.0.0.1/",
      "http://127.0.0.2/",
      "http://0.0.0.0/",
      "not a url",
      "",
    ];
    for (const url of loopback) assert.equal(isLoopbackServiceUrl(url), true, url);
    for (const url of elsewhere) assert.equal(isLoopbackServiceUrl(url), false, url);
  });
});

function logEntry(bot: BotProcess, msg: string): Record<string, unknown> {
  const entry = bot.logLines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .find((candidate) => candidate["msg"] === msg);
  assert.ok(entry, `no "${msg}" log line`);
  return entry;
}

/** This machine's non-loopback addresses (a container usually has one). */
function externalAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((address) => !address.internal && address.family === "IPv4")
    .map((address) => address.address);
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => {
      resolve(false);
    });
  });
}
