import assert from "node:assert/strict";
import { signDownload, verifyDownload } from "../../bot/compile/downloadLinks";

describe("signed download links", () => {
  const secret = "s".repeat(40);
  const now = new Date("2026-03-01T10:00:00Z");
  const later = new Date("2026-03-01T11:00:00Z");

  it("verifies its own token before expiry and returns the file id", () => {
    const token = signDownload({ fileId: "abc123", expiresAt: later }, secret);
    assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    assert.deepEqual(verifyDownload(token, secret, now), { ok: true, fileId: "abc123" });
  });

  it("refuses an expired token, at and after the expiry instant", () => {
    const token = signDownload({ fileId: "abc123", expiresAt: later }, secret);
    assert.deepEqual(verifyDownload(token, secret, later), { ok: false, reason: "expired" });
    assert.deepEqual(verifyDownload(token, secret, new Date(later.getTime() + 1)), { ok: false, reason: "expired" });
  });

  it("refuses another secret, a changed payload or a changed signature", () => {
    const token = signDownload({ fileId: "abc123", expiresAt: later }, secret);
    assert.deepEqual(verifyDownload(token, "t".repeat(40), now), { ok: false, reason: "bad signature" });
    const [payload, signature] = token.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify({ f: "other", e: later.getTime() })).toString("base64url");
    assert.deepEqual(verifyDownload(`${forged}.${signature}`, secret, now), { ok: false, reason: "bad signature" });
    const flipped = `${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    assert.deepEqual(verifyDownload(`${payload}.${flipped}`, secret, now), { ok: false, reason: "bad signature" });
    assert.deepEqual(verifyDownload(`${payload}.${signature.slice(0, 10)}`, secret, now), {
      ok: false,
      reason: "bad signature",
    });
  });

  it("calls malformed tokens malformed", () => {
    for (const token of ["", "abc", "a.b.c", "a b.c", `${Buffer.from("x").toString("base64url")}.`]) {
      assert.deepEqual(verifyDownload(token, secret, now), { ok: false, reason: "malformed" }, token);
    }
  });

  it("refuses to sign an unsafe file id", () => {
    assert.throws(() => signDownload({ fileId: "../etc", expiresAt: later }, secret));
  });
});
