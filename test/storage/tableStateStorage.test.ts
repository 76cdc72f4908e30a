import assert from "node:assert/strict";
import fc from "fast-check";
import { splitIntoParts, stateKeys } from "../../storage/stateCodec";
import { ConcurrencyConflictError, StorageLimitError } from "../../storage/storageErrors";
import { openTestStorage, type TestStorage } from "../support/openTestStorage";
import { defined } from "../support/defined";

const KEY = "msteams/conversations/19:abc@thread.tacv2;messageid=1/users/29:1a-Bx_yZ";

describe("TableStateStorage", () => {
  let test: TestStorage;
  beforeEach(async () => (test = await openTestStorage()));
  /** botbuilder's Storage types the items it reads as any: they are the JSON objects written. */
  const readItems = async (keys: string[]) =>
    (await test.storage.botState.read(keys)) as Record<string, Record<string, unknown> | undefined>;

  it("writes, reads with an eTag, and deletes (a missing key is fine)", async () => {
    const state = test.storage.botState;
    assert.deepEqual(await state.read([KEY]), {});
    await state.write({ [KEY]: { dialogStack: [{ id: "assign", step: 2 }], count: 1 } });
    const read = await readItems([KEY, "missing"]);
    assert.deepEqual(Object.keys(read), [KEY]);
    assert.deepEqual(defined(read[KEY]).dialogStack, [{ id: "assign", step: 2 }]);
    assert.equal(typeof defined(read[KEY]).eTag, "string");
    await state.delete([KEY, "missing"]);
    assert.deepEqual(await state.read([KEY]), {});
  });

  it("rejects a write with an outdated eTag, and lets '*' overwrite", async () => {
    const state = test.storage.botState;
    await state.write({ [KEY]: { count: 1 } });
    const first = defined((await readItems([KEY]))[KEY]);
    await state.write({ [KEY]: { ...first, count: 2 } });
    await assert.rejects(state.write({ [KEY]: { ...first, count: 3 } }), ConcurrencyConflictError);
    assert.equal(defined((await readItems([KEY]))[KEY]).count, 2);
    await state.write({ [KEY]: { count: 4, eTag: "*" } });
    assert.equal(defined((await readItems([KEY]))[KEY]).count, 4);
  });

  it("splits a 200 KB state over several properties and joins it back", async () => {
    const big = { notes: "ü".repeat(100_000), list: Array.from({ length: 1000 }, (_, index) => ({ index })) };
    await test.storage.botState.write({ [KEY]: big });
    const { eTag: _eTag, ...read } = defined((await readItems([KEY]))[KEY]);
    assert.deepEqual(read, big);
    const raw = await test.clients.botState.getEntity(stateKeys(KEY).partitionKey, "state");
    assert.ok(Number(raw["parts"]) >= 4);
  });

  it("refuses state beyond 15 properties and writes nothing", async () => {
    await assert.rejects(test.storage.botState.write({ [KEY]: { notes: "x".repeat(500_000) } }), StorageLimitError);
    assert.deepEqual(await test.storage.botState.read([KEY]), {});
  });

  it("hashes keys too long to encode, and keeps them apart", async () => {
    const long = "/".repeat(300);
    const longer = "/".repeat(301);
    await test.storage.botState.write({ [long]: { which: "long" }, [longer]: { which: "longer" } });
    const read = await readItems([long, longer]);
    assert.equal(defined(read[long]).which, "long");
    assert.equal(defined(read[longer]).which, "longer");
    assert.match(stateKeys(long).partitionKey, /^~sha256-[0-9a-f]{64}$/);
  });
});

describe("splitIntoParts", () => {
  it("joins back to the text, keeps parts within size, and never splits a surrogate pair", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.integer({ min: 1, max: 9 }), (text, size) => {
        const parts = splitIntoParts(text, size);
        assert.equal(parts.join(""), text);
        for (const part of parts) {
          assert.ok(part.length <= size);
          // Only a one-unit part size forces a pair apart.
          if (size > 1) assert.doesNotMatch(part, /^[\udc00-\udfff]|[\ud800-\udbff]$/);
        }
      }),
    );
    assert.deepEqual(splitIntoParts("", 4), [""]);
  });
});
