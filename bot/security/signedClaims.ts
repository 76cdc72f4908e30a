import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A self-contained signed token: base64url(JSON claims) + "." + base64url(HMAC-SHA256 of that
 * text). Nothing in it can be changed without the key, and it carries its own claims (an expiry
 * among them), so no table of issued tokens is needed. Download links and `forget` confirmations
 * use it, each with its own key.
 */
export function signClaims(claims: Record<string, unknown>, key: string | Buffer): string {
  const payload = Buffer.from(JSON.stringify(claims), "utf8").toString("base64url");
  return `${payload}.${signature(payload, key).toString("base64url")}`;
}

export type VerifiedClaims = { ok: true; claims: unknown } | { ok: false; reason: "malformed" | "bad signature" };

/** Checks the shape, then the signature in constant time; the caller checks what the claims say. */
export function verifyClaims(token: string, key: string | Buffer): VerifiedClaims {
  const parts = token.split(".");
  if (parts.length !== 2) return { ok: false, reason: "malformed" };
  const [payload = "", signed = ""] = parts;
  if (!/^[A-Za-z0-9_-]+$/.test(payload) || !/^[A-Za-z0-9_-]+$/.test(signed)) return { ok: false, reason: "malformed" };
  const expected = signature(payload, key);
  const given = Buffer.from(signed, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "bad signature" };
  try {
    return { ok: true, claims: JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown };
  } catch {
    return { ok: false, reason: "malformed" };
  }
}

function signature(payload: string, key: string | Buffer): Buffer {
  return createHmac("sha256", key).update(payload).digest();
}
