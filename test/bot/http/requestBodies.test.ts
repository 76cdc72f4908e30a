import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startAuthenticatedBotProcess, foreignIssuerToken } from "../../support/authenticatedBotProcess";
import type { BotProcess } from "../../support/botProcess";
import { waitFor } from "../../support/waitFor";
import { gzipBomb } from "../../support/gzipBomb";
import { rawHttpRequest, rawPost } from "../../support/rawHttpRequest";
import { personalMessage } from "../../../simulator/teams/teamsActivities";
import { makePerson } from "../../../simulator/teams/people";

const MIB = 1024 * 1024;

/**
 * POST /api/messages reads nothing but one JSON object, before authentication, and no body can stop
 * the process: checked against the real bot process (`npm start`) with authentication ON, over raw
 * HTTP so the bytes on the wire are exactly those listed. The process gets its own temp folder so
 * "nothing written to disk" can be seen.
 */
describe("request bodies on POST /api/messages (real bot process, authentication on)", function () {
  this.timeout(60_000);
  let bot: BotProcess;
  let tempDir: string;
  const activity = () =>
    personalMessage({
      serviceUrl: "https://smba.trafficmanager.net/emea/",
      from: makePerson("Eve Outsider"),
      text: "help",
    });
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  const post = (headerLines: readonly string[], body: Buffer) =>
    rawHttpRequest(bot.url, rawPost(["Connection: close", `Content-Length: ${body.length}`, ...headerLines], body));

  before(async () => {
    tempDir = await mkdtemp(path.join(os.tmpdir(), "bot-tmp-"));
    bot = await startAuthenticatedBotProcess({ TMPDIR: tempDir });
  });
  after(async () => {
    await bot.stop();
    await rm(tempDir, { recursive: true, force: true });
  });
  afterEach(async () => {
    const health = await fetch(`${bot.url}/healthz`);
    assert.equal(health.status, 200, "the bot process still answers /healthz");
  });

  it("refuses Content-Encoding: gzip with a body that is not gzip (415): the process stays up", async () => {
    for (const body of ["x", "not gzip at all"]) {
      const outcome = await post(["Content-Type: application/json", "Content-Encoding: gzip"], Buffer.from(body));
      assert.equal(outcome.status, 415, outcome.text);
    }
  });

  it("refuses a gzip bomb (100 MiB of JSON padding in ~100 KB) with 415, without inflating it", async () => {
    const bomb = gzipBomb(100);
    assert.ok(bomb.length < MIB, `the bomb fits the body limit compressed (${bomb.length} bytes)`);
    const outcome = await post(["Content-Type: application/json", "Content-Encoding: gzip"], bomb);
    assert.equal(outcome.status, 415, outcome.text);
  });

  it("refuses every other Content-Encoding, and a list of them (415)", async () => {
    for (const encoding of ["deflate", "br", "GZIP", "identity, gzip", "x-unknown"]) {
      const outcome = await post(["Content-Type: application/json", `Content-Encoding: ${encoding}`], json(activity()));
      assert.equal(outcome.status, 415, `${encoding}: ${outcome.text}`);
    }
  });

  it("refuses a multipart upload (415) and writes nothing to disk", async () => {
    const boundary = "----fuzzboundary";
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.alloc(MIB, 0x41),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const outcome = await post([`Content-Type: multipart/form-data; boundary=${boundary}`], body);
    assert.equal(outcome.status, 415, outcome.text);
    assert.deepEqual(await filesIn(tempDir), [], "nothing in the bot process's temp folder but tsx's compile cache");
  });

  it("refuses a form post (application/x-www-form-urlencoded, as any web page can send) with 415", async () => {
    const outcome = await post(
      ["Content-Type: application/x-www-form-urlencoded"],
      Buffer.from("type=message&text=details+name%3DX"),
    );
    assert.equal(outcome.status, 415, outcome.text);
  });

  it("refuses no Content-Type, text/plain and a non-UTF-8 charset (415)", async () => {
    for (const headers of [[], ["Content-Type: text/plain"], ["Content-Type: application/json; charset=utf-16"]]) {
      const outcome = await post(headers, json(activity()));
      assert.equal(outcome.status, 415, `${headers.join()}: ${outcome.text}`);
    }
  });

  it("answers {} and other JSON that is not an activity with 400, not 500", async () => {
    for (const body of [
      "{}",
      "[]",
      "null",
      '"message"',
      '{"type":""}',
      '{"type":"message"}',
      '{"type":"message","conversation":"x"}',
    ]) {
      const outcome = await post(["Content-Type: application/json"], Buffer.from(body));
      assert.equal(outcome.status, 400, `${body}: ${outcome.text}`);
    }
  });

  it("answers malformed JSON, truncated JSON and invalid UTF-8 with 400", async () => {
    const whole = json(activity());
    for (const body of [
      Buffer.from('{"type":'),
      whole.subarray(0, whole.length - 1),
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    ]) {
      const outcome = await post(["Content-Type: application/json"], body);
      assert.equal(outcome.status, 400, outcome.text);
    }
  });

  it("answers a body over 1 MiB with 413, whether Content-Length says so or the bytes do", async () => {
    const declared = await rawHttpRequest(
      bot.url,
      rawPost(
        ["Connection: close", "Content-Type: application/json", `Content-Length: ${10 * 1024 * MIB}`],
        Buffer.from("{}"),
      ),
    );
    assert.equal(declared.status, 413, declared.text);
    const chunkedBody = Buffer.from(`${(MIB + 10).toString(16)}\r\n${"x".repeat(MIB + 10)}\r\n0\r\n\r\n`);
    const streamed = await rawHttpRequest(
      bot.url,
      rawPost(["Connection: close", "Content-Type: application/json", "Transfer-Encoding: chunked"], chunkedBody),
    );
    assert.equal(streamed.status, 413, streamed.text);
  });

  it("refuses a well-formed activity without a valid token with 401: one log line, no stack, no token", async () => {
    const token = foreignIssuerToken();
    const stdoutBefore = bot.logLines.length;
    const stderrBefore = bot.stderrLines.length;
    for (const authorization of [[], [`Authorization: Bearer ${token}`]]) {
      const outcome = await post(["Content-Type: application/json", ...authorization], json(activity()));
      assert.equal(outcome.status, 401, outcome.text);
      assert.ok(!outcome.text.includes(token), "the answer does not echo the token");
    }
    await waitFor(() => bot.logLines.length >= stdoutBefore + 2, "the two log lines");
    assert.deepEqual(bot.stderrLines.slice(stderrBefore), [], "nothing on stderr (CloudAdapter's console.error stack)");
    const lines = bot.logLines.slice(stdoutBefore);
    assert.equal(lines.length, 2, lines.join("\n"));
    for (const line of lines) {
      const { time: _time, ...fields } = JSON.parse(line) as Record<string, unknown>;
      assert.deepEqual(fields, {
        level: 40,
        service: "self-assessment-bot",
        route: "/api/messages",
        status: 401,
        msg: "request refused",
      });
    }
  });

  it("never echoes a path or token in an error body: /DOWNLOADS/<token>, unknown routes, wrong methods", async () => {
    const token = `${"A".repeat(40)}.${"b".repeat(43)}`;
    for (const [method, target] of [
      ["GET", `/DOWNLOADS/${token}`],
      ["GET", `/Downloads/${token}`],
      ["GET", `/nowhere/${token}`],
      ["PUT", `/downloads/${token}`],
      ["DELETE", `/api/messages?${token}`],
    ] as const) {
      const outcome = await rawHttpRequest(
        bot.url,
        Buffer.from(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
      );
      assert.ok(outcome.status !== undefined && outcome.status >= 400, `${method} ${target}: ${outcome.text}`);
      assert.ok(!outcome.text.includes(token.slice(0, 20)), `${method} ${target} echoes the token: ${outcome.text}`);
    }
  });
});

/** Every file under `dir`, except tsx's compile cache (the test runs the bot through tsx, which caches in TMPDIR). */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !/^tsx-\d+\//.test(file));
}
