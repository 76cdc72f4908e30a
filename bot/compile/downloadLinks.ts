import { signClaims, verifyClaims } from "../security/signedClaims";

/** What a download link grants: one stored file, until an instant. */
export interface DownloadGrant {
  fileId: string;
  expiresAt: Date;
}

export type VerifiedDownload =
  { ok: true; fileId: string } | { ok: false; reason: "bad signature" | "expired" | "malformed" };

const FILE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** Signs with the bot's secret itself (see signClaims); `forget` confirmations use a key derived from it. */
export function signDownload(grant: DownloadGrant, secret: string): string {
  if (!FILE_ID.test(grant.fileId)) throw new Error("A download file id must be letters, digits, - or _");
  return signClaims({ f: grant.fileId, e: grant.expiresAt.getTime() }, secret);
}

/** Checks the signature first (in constant time), then the expiry against `now`. */
export function verifyDownload(token: string, secret: string, now: Date): VerifiedDownload {
  const verified = verifyClaims(token, secret);
  if (!verified.ok) return verified;
  const { f, e } = (verified.claims ?? {}) as { f?: unknown; e?: unknown };
  if (typeof f !== "string" || !FILE_ID.test(f) || typeof e !== "number" || !Number.isFinite(e))
    return { ok: false, reason: "malformed" };
  if (now.getTime() >= e) return { ok: false, reason: "expired" };
  return { ok: true, fileId: f };
}
