import assert from "node:assert/strict";

/**
 * The value, which the test needs to be there: fails with an assertion at that line instead of
 * letting undefined through to a TypeError further on (as `value!` would).
 */
export function defined<T>(value: T): NonNullable<T> {
  assert.ok(value !== undefined && value !== null, `expected a value, got ${value === null ? "null" : "undefined"}`);
  return value;
}
