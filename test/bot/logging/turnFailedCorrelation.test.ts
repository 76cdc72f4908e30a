import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { createAdapter } from "../../../bot/adapter/createAdapter";
import { correlationMiddleware } from "../../../bot/app/correlationMiddleware";
import { loadConfig } from "../../../bot/config";
import { createLogger } from "../../../bot/logging/logger";

describe("a failing turn's log lines", () => {
  it('"turn failed" carries the same correlation id as the turn\'s other lines', async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write: (chunk: Buffer, _encoding, callback) => {
        lines.push(JSON.parse(chunk.toString("utf8")) as Record<string, unknown>);
        callback();
      },
    });
    const logger = createLogger({ level: "info", destination });
    // No app id: the adapter authenticates nothing, so the turn runs without a token.
    const adapter = createAdapter(loadConfig({}), logger);
    adapter.use(correlationMiddleware(logger));
    // An event activity: onTurnError answers only messages, so the failure sends nothing over HTTP.
    const activity = {
      type: "event",
      name: "test",
      id: "activity-42",
      channelId: "msteams",
      serviceUrl: "http://127.0.0.1:9/",
      conversation: { id: "c1" },
      from: { id: "u1" },
      recipient: { id: "b1" },
    };
    await adapter.processCheckedActivity("", activity, () => Promise.reject(new Error("boom")));

    const handled = lines.find((line) => line["msg"] === "activity handled");
    const failed = lines.find((line) => line["msg"] === "turn failed");
    assert.ok(handled && failed, `expected both lines, got ${lines.map((line) => String(line["msg"])).join(", ")}`);
    assert.equal(handled["correlationId"], "activity-42");
    assert.equal(handled["failed"], true, "the turn's own line says it threw");
    assert.equal(failed["correlationId"], "activity-42");
  });
});
