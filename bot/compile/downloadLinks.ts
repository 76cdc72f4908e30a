import { createHmac, timingSafeEqual } from "node:crypto";

/** What a download link grants: one stored file, until an instant. */
export interface DownloadGrant {
  fileId: string;
  expiresAt: Date;
}

export type VerifiedDownload = { ok: true; fileId: string } | { ok: false; reason: "bad signature" | "expired" | "malformed" };

const FILE_ID = /^[A-Za-z0-9_-]{1,128}$/;

function signature(payload: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(payload).digest();
}

/**
 * A link token: base64url(JSON payload) + "." + base64url(HMAC-SHA256 of that text). Nothing in it
 * is guessable without the secret, and it carries its own expiry, so no table of links is needed.
 */
export function signDownload(grant: DownloadGrant, secret: string): string {
  if (!FILE_ID.test(grant.fileId)) throw new Error("A download file id must be letters, digits, - or _");
  const payload = Buffer.from(JSON.stringify({ f: grant.fileId, e: grant.expiresAt.getTime() }), "utf8").toString("base64url");
  return `${payload}.${signature(payload, secret).toString("base64url")}`;
}

/** Checks the signature first (in constant time), then the expiry against `now`. */
export function verifyDownload(token: string, secret: string, now: Date): VerifiedDownload {
  const parts = token.split(".");
  if (parts.length !== 2) return { ok: false, reason: "malformed" };
  const [payload = "", signed = ""] = parts;
  if (!/^[A-Za-z0-9_-]+$/.test(payload) || !/^[A-Za-z0-9_-]+$/.test(signed)) return { ok: false, reason: "malformed" };
  const expected = signature(payload, secret);
  const given = Buffer.from(signed, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad signature" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const { f, e } = (parsed ?? {}) as { f?: unknown; e?: unknown };
  if (typeof f !== "string" || !FILE_ID.test(f) || typeof e !== "number" || !Number.isFinite(e)) return { ok: false, reason: "malformed" };
  if (now.getTime() >= e) return { ok: false, reason: "expired" };
  return { ok: true, fileId: f };
}
