import { createHmac } from "node:crypto";
import { signClaims, verifyClaims } from "../security/signedClaims";
import { z } from "zod";

/** What a confirmation card for `forget` is about: the request, signed so the card can't be forged. */
export interface ForgetRequest {
  assessmentId: string;
  aadObjectId: string;
  expiresAt: Date;
}

/** Long enough to read the card and press the button; an older card is stale and refused. */
export const FORGET_CONFIRM_MINUTES = 15;

const payloadSchema = z.object({ a: z.string().min(1), p: z.string().min(1), e: z.number() });

/** A key of its own, derived from the bot's signing secret, so a download token never confirms an erasure. */
function forgetKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("confirmForget").digest();
}

/** The card carries its own signed request (see signClaims), so no pending state is stored. */
export function signForgetRequest(request: ForgetRequest, secret: string): string {
  return signClaims(
    { a: request.assessmentId, p: request.aadObjectId, e: request.expiresAt.getTime() },
    forgetKey(secret),
  );
}

export type VerifiedForget = { ok: true; request: ForgetRequest } | { ok: false; reason: "forged" | "stale" };

export function verifyForgetRequest(token: string, secret: string, now: Date): VerifiedForget {
  const verified = verifyClaims(token, forgetKey(secret));
  const parsed = payloadSchema.safeParse(verified.ok ? verified.claims : undefined);
  if (!parsed.success) return { ok: false, reason: "forged" };
  if (now.getTime() >= parsed.data.e) return { ok: false, reason: "stale" };
  return {
    ok: true,
    request: { assessmentId: parsed.data.a, aadObjectId: parsed.data.p, expiresAt: new Date(parsed.data.e) },
  };
}
