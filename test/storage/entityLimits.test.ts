import assert from "node:assert/strict";
import { ENTITY_LIMITS, checkEntityLimits } from "../../storage/entityLimits";
import { StorageLimitError } from "../../storage/storageErrors";

const keys = { partitionKey: "p", rowKey: "r" };

function limitError(check: (error: StorageLimitError) => boolean) {
  return (error: unknown) => error instanceof StorageLimitError && check(error);
}

describe("checkEntityLimits", () => {
  it("accepts a string property of exactly 64 KiB", () => {
    checkEntityLimits("T", { ...keys, text: "x".repeat(32_768) });
  });

  it("refuses a 40,000-character string (80,000 UTF-16 bytes), naming the property and sizes", () => {
    assert.throws(
      () => {
        checkEntityLimits("Responses", { ...keys, evidence: "x".repeat(40_000) });
      },
      limitError(
        (error) =>
          /"evidence"/.test(error.message) &&
          /Responses/.test(error.message) &&
          error.actual === 80_000 &&
          error.limit === 65_536,
      ),
    );
  });

  it("refuses an entity over 1 MiB made of properties each within their limit", () => {
    const entity = {
      ...keys,
      ...Object.fromEntries(Array.from({ length: 18 }, (_, index) => [`part${index}`, "y".repeat(32_000)])),
    };
    assert.throws(
      () => {
        checkEntityLimits("T", entity);
      },
      limitError((error) => error.actual > ENTITY_LIMITS.maxEntityBytes && /all properties/.test(error.message)),
    );
  });

  it("counts the system properties towards the 255 properties", () => {
    const properties = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, index) => [`p${index}`, index]));
    checkEntityLimits("T", { ...keys, ...properties(252) });
    assert.throws(
      () => {
        checkEntityLimits("T", { ...keys, ...properties(253) });
      },
      limitError((error) => error.unit === "properties" && error.actual === 256),
    );
  });

  it("refuses keys over 1 KiB", () => {
    assert.throws(
      () => {
        checkEntityLimits("T", { partitionKey: "k".repeat(513), rowKey: "r" });
      },
      limitError((error) => /PartitionKey/.test(error.message)),
    );
    assert.throws(
      () => {
        checkEntityLimits("T", { partitionKey: "p", rowKey: "k".repeat(513) });
      },
      limitError((error) => /RowKey/.test(error.message)),
    );
  });
});
