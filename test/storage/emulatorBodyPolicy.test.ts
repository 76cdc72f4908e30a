import assert from "node:assert/strict";
import fc from "fast-check";
import { escapeNonAscii } from "../../storage/emulatorBodyPolicy";

describe("escapeNonAscii", () => {
  it("makes any JSON ASCII-only without changing what it parses to", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: "binary" }), (value, text) => {
        for (const json of [JSON.stringify(value), JSON.stringify({ text })]) {
          const escaped = escapeNonAscii(json);
          assert.match(escaped, /^\p{ASCII}*$/u);
          assert.deepEqual(JSON.parse(escaped), JSON.parse(json));
        }
      }),
    );
  });
});
