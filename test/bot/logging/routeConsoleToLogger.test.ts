import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { createLogger } from "../../../bot/logging/logger";
import { routeConsoleToLogger } from "../../../bot/logging/routeConsoleToLogger";

describe("routeConsoleToLogger", () => {
  const original = { error: console.error, warn: console.warn };
  afterEach(() => Object.assign(console, original));

  it("turns what botframework-connector writes to the console on a refused token into one log line each, without a stack", () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(
          ...chunk
            .toString("utf8")
            .split("\n")
            .filter((line) => line !== ""),
        );
        callback();
      },
    });
    routeConsoleToLogger(createLogger({ level: "info", destination }));
    const expired = Object.assign(new Error("jwt expired"), { name: "TokenExpiredError" });
    console.error(expired);
    console.error(
      "Error finding key for token. Available keys: -----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----",
    );
    console.warn("BadRequest: Missing activity or activity type.");
    Object.assign(console, original);
    assert.deepEqual(
      lines.map((line) => (JSON.parse(line) as { consoleFirstLine: string }).consoleFirstLine),
      [
        "TokenExpiredError: jwt expired",
        "Error finding key for token. Available keys: -----BEGIN PUBLIC KEY-----",
        "BadRequest: Missing activity or activity type.",
      ],
    );
    assert.ok(!lines.join("\n").includes("    at "), "no stack frame is logged");
  });
});
