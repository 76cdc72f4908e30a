import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { errorFields } from "../../../bot/logging/errorFields";
import { createLogger } from "../../../bot/logging/logger";

describe("errorFields in a redacting log", () => {
  function logOnce(fields: object): Record<string, unknown> {
    const lines: string[] = [];
    const destination = new Writable({
      write: (chunk: Buffer, _encoding, callback) => {
        lines.push(chunk.toString("utf8"));
        callback();
      },
    });
    createLogger({ level: "info", destination }).error(fields, "failed");
    return JSON.parse(lines.join("")) as Record<string, unknown>;
  }

  it("keeps the error's class readable although `name` fields are redacted", () => {
    const line = logOnce({ error: errorFields(new RangeError("index 7 out of range")), person: { name: "Sam Carer" } });
    assert.deepEqual(line.error, { type: "RangeError", message: "index 7 out of range" });
    assert.deepEqual(line.person, { name: "[redacted]" });
  });

  it("includes the stack only when asked, and copes with a thrown non-Error", () => {
    assert.match(
      (logOnce({ error: errorFields(new Error("boom"), { stack: true }) }).error as { stack: string }).stack,
      /errorFields\.test\.ts/,
    );
    assert.deepEqual(logOnce({ error: errorFields("just a string") }).error, {
      type: "string",
      message: "a non-Error value was thrown",
    });
  });
});
