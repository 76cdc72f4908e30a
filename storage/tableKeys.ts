import { StorageLimitError } from "./storageErrors";

/**
 * PartitionKey/RowKey encoding. Teams ids contain `:` `@` `;` and may contain anything, while Azure
 * forbids `/ \ # ?` and control characters in keys. Characters in KEPT stay readable (so keys make
 * sense in Storage Explorer); every other UTF-16 code unit, the escape char included, becomes
 * `~` + 4 lowercase hex digits. Encoding is injective and the result never contains SEPARATOR,
 * so composite keys split back unambiguously.
 */
const KEPT = /^[A-Za-z0-9\-_.:@;]$/;
/** A part made of KEPT characters only (most ids): encoded as it is, without the walk below. */
const ALL_KEPT = /^[A-Za-z0-9\-_.:@;]*$/;
const ESCAPE = "~";
const SEPARATOR = "|";
const ESCAPED_UNIT = /^[0-9a-f]{4}$/;

/** Azure allows 1 KiB per key, counted in UTF-16 bytes. */
export const MAX_KEY_BYTES = 1024;

export function encodeKeyPart(part: string): string {
  if (ALL_KEPT.test(part)) return part;
  let encoded = "";
  for (let index = 0; index < part.length; index++) {
    const unit = part.charAt(index);
    encoded += KEPT.test(unit) ? unit : ESCAPE + part.charCodeAt(index).toString(16).padStart(4, "0");
  }
  return encoded;
}

export function decodeKeyPart(encoded: string): string {
  let decoded = "";
  let index = 0;
  while (index < encoded.length) {
    const unit = encoded.charAt(index);
    if (unit !== ESCAPE) {
      if (!KEPT.test(unit)) throw new Error(`not an encoded key part: unexpected ${JSON.stringify(unit)} at ${index}`);
      decoded += unit;
      index += 1;
      continue;
    }
    const hex = encoded.slice(index + 1, index + 5);
    if (!ESCAPED_UNIT.test(hex)) throw new Error(`not an encoded key part: bad escape at ${index}`);
    decoded += String.fromCharCode(parseInt(hex, 16));
    index += 5;
  }
  return decoded;
}

/** Refuses (never truncates) a key Azure would reject for its length. */
export function assertKeyFits(key: string): string {
  const bytes = key.length * 2;
  if (bytes > MAX_KEY_BYTES)
    throw new StorageLimitError(`Key ${JSON.stringify(key.slice(0, 40))}…`, bytes, MAX_KEY_BYTES);
  return key;
}

/** Encodes each part and joins them; composeKey("s", "7a", id) sorts and splits back by part. */
export function composeKey(first: string, ...rest: string[]): string {
  return assertKeyFits([first, ...rest].map(encodeKeyPart).join(SEPARATOR));
}

export function splitKey(key: string): string[] {
  return key.split(SEPARATOR).map(decodeKeyPart);
}

/**
 * Keys starting with composeKey(...parts) followed by more parts: the bounds of a RowKey range
 * query. SEPARATOR is followed by "}" in code-unit order, so [from, to) covers exactly them.
 */
export function keyPrefixRange(first: string, ...rest: string[]): { from: string; to: string } {
  const prefix = composeKey(first, ...rest);
  return { from: prefix + SEPARATOR, to: prefix + String.fromCharCode(SEPARATOR.charCodeAt(0) + 1) };
}

/** Zero-pads so lexical key order equals numeric order (area 7 → "07" sorts before area 10). */
export function padNumber(value: number, width = 2): string {
  const digits = String(value);
  if (!Number.isSafeInteger(value) || value < 0 || digits.length > width) {
    throw new RangeError(`${value} cannot be padded to ${width} digits for a key`);
  }
  return digits.padStart(width, "0");
}
