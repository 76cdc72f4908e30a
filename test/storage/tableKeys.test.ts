import assert from "node:assert/strict";
import fc from "fast-check";
import { StorageLimitError } from "../../storage/storageErrors";
import { composeKey, decodeKeyPart, encodeKeyPart, keyPrefixRange, padNumber, splitKey } from "../../storage/tableKeys";

/** What Azure refuses in PartitionKey/RowKey: / \ # ? and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern is about.
const FORBIDDEN = /[/\\#?\u0000-\u001f\u007f-\u009f]/;

const AWKWARD_IDS = [
  "29:1a-Bx_yZ",
  "19:abc@thread.tacv2",
  "a:1;messageid=123",
  "path/with\\slashes#and?query",
  "tilde~ and ~0041",
  "pipe|separated|parts",
  "emoji 👩‍👩‍👧 and ünïcödé",
  "control\u0000\u0001\u001f\u007f\u009f chars\n",
  "lone \ud800 surrogate",
  "",
];

describe("tableKeys", () => {
  it("round-trips awkward Teams ids and keeps the common ones readable", () => {
    for (const id of AWKWARD_IDS) {
      assert.equal(decodeKeyPart(encodeKeyPart(id)), id);
      assert.doesNotMatch(encodeKeyPart(id), FORBIDDEN);
    }
    assert.equal(encodeKeyPart("19:abc@thread.tacv2"), "19:abc@thread.tacv2");
    assert.equal(encodeKeyPart("a/b"), "a~002fb");
    assert.equal(encodeKeyPart("~"), "~007e");
  });

  it("round-trips any string, and never emits a forbidden character or the separator", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const encoded = encodeKeyPart(text);
        assert.equal(decodeKeyPart(encoded), text);
        assert.doesNotMatch(encoded, FORBIDDEN);
        assert.ok(!encoded.includes("|"));
      }),
      { numRuns: 500 },
    );
  });

  it("composes and splits keys whose parts contain anything", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 4 }), (parts) => {
        const [first = "", ...rest] = parts;
        assert.deepEqual(splitKey(composeKey(first, ...rest)), parts);
      }),
    );
    assert.deepEqual(splitKey(composeKey("s", "7a", "a|b")), ["s", "7a", "a|b"]);
  });

  it("rejects text that is not an encoded part", () => {
    assert.throws(() => decodeKeyPart("a/b"), /unexpected/);
    assert.throws(() => decodeKeyPart("~zz12"), /bad escape/);
    assert.throws(() => decodeKeyPart("~12"), /bad escape/);
  });

  it("refuses a key over 1 KiB instead of truncating it", () => {
    assert.equal(composeKey("x".repeat(512)).length, 512);
    assert.throws(() => composeKey("x".repeat(513)), StorageLimitError);
    // Escapes count: 103 slashes encode to 515 characters.
    assert.throws(
      () => composeKey("/".repeat(103)),
      (error: unknown) => error instanceof StorageLimitError && error.actual === 1030,
    );
  });

  it("pads numbers so lexical order is numeric order", () => {
    assert.equal(padNumber(7), "07");
    assert.equal(padNumber(10), "10");
    const areas = [10, 2, 7, 1, 99];
    assert.deepEqual(areas.map((area) => padNumber(area)).sort(), ["01", "02", "07", "10", "99"]);
    assert.throws(() => padNumber(100), RangeError);
    assert.throws(() => padNumber(-1), RangeError);
    assert.throws(() => padNumber(1.5), RangeError);
  });

  it("gives a row-key range holding exactly the keys under a prefix", () => {
    const range = keyPrefixRange("s");
    const inside = [composeKey("s", "7a", "x"), composeKey("s", "~", "")];
    const outside = [composeKey("g", "x"), composeKey("s"), composeKey("sa", "x"), composeKey("t", "x")];
    for (const key of inside) assert.ok(key >= range.from && key < range.to, key);
    for (const key of outside) assert.ok(!(key >= range.from && key < range.to), key);
  });
});
