import fc from "fast-check";
import { NASTY_SNIPPETS } from "./adversarialText";

/**
 * JSON values of the wrong type where a card sends a string: numbers (including the ones JSON
 * turns into null), booleans, null, arrays and nested objects with prototype-looking keys.
 */
const jsonKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "rating", "evidence", "a/b", "#?", ""),
  fc.string({ maxLength: 8 }),
);

export const wrongTypedValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 4, 4.5, 1e21, Number.MAX_SAFE_INTEGER, -1),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer({ min: -2, max: 12 }), fc.constantFrom(...NASTY_SNIPPETS)), { maxLength: 3 }),
  fc.dictionary(jsonKey, fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.constant(null)), { maxKeys: 4 }),
  fc.jsonValue({ maxDepth: 3 }).filter((value) => typeof value !== "string"),
);
