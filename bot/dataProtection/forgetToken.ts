import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** What a confirmation card for `forget` is about: the request, signed so the card can't be forged. */
export interface ForgetRequest {
  assessmentId: string;
  aadObjectId: string;
  expiresAt: Date;
}

/** Long enough to read the card and press the button; an older card is stale and refused. */
export const FORGET_CONFIRM_MINUTES = 15;

const payloadSchema = z.object({ a: z.string().min(1), p: z.string().min(1), e: z.number().finite() });

/** A key of its own, derived from the bot's signing secret, so a download token never confirms an erasure. */
function signature(payload: string, secret: string): Buffer {
  const key = createHmac("sha256", secret).update("confirmForget").digest();
  return createHmac("sha256", key).update(payload).digest();
}

/** base64url(JSON) + "." + base64url(HMAC): the card carries its own request, so no pending state is stored. */
export function signForgetRequest(request: ForgetRequest, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ a: request.assessmentId, p: request.aadObjectId, e: request.expiresAt.getTime() }), "utf8").toString("base64url");
  return `${payload}.${signature(payload, secret).toString("base64url")}`;
}

export type VerifiedForget = { ok: true; request: ForgetRequest } | { ok: false; reason: "forged" | "stale" };

export function verifyForgetRequest(token: string, secret: string, now: Date): VerifiedForget {
  const [payload = "", signed = "", ...rest] = token.split(".");
  const given = Buffer.from(signed, "base64url");
  const expected = signature(payload, secret);
  if (rest.length > 0 || payload === "" || given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "forged" };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "forged" };
  }
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success) return { ok: false, reason: "forged" };
  if (now.getTime() >= parsed.data.e) return { ok: false, reason: "stale" };
  return { ok: true, request: { assessmentId: parsed.data.a, aadObjectId: parsed.data.p, expiresAt: new Date(parsed.data.e) } };
}
