import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from "jose";
import { z } from "zod";
import { isLoopback, type TabSignInConfig } from "../config";

/** Who is calling the tab's API, as proven by an SSO token (or, locally, the dev identity). */
export interface TabIdentity {
  aadObjectId: string;
  name: string;
  tenantId: string;
}

export interface TabSignInRequest {
  authorization?: string;
  /** The dev identity's headers (the page copies ?devUser=, ?devName=, ?devTenant= into them). */
  devUser?: string;
  devName?: string;
  devTenant?: string;
  remoteAddress: string;
}

export type TabSignInResult = { ok: true; identity: TabIdentity } | { ok: false; message: string };
export type TabSignIn = (request: TabSignInRequest) => Promise<TabSignInResult>;

/** Entra v2 access tokens: oid/tid are GUIDs; `name` is present when the profile scope was granted. */
const ssoClaimsSchema = z.object({
  oid: z.uuid(),
  tid: z.uuid(),
  name: z.string().max(256).optional(),
});
const devIdentitySchema = z.object({
  devUser: z.uuid(),
  devName: z.string().min(1).max(256),
  devTenant: z.string().max(128).optional(),
});

/**
 * Builds the check every tab API call goes through. SSO: the token from teams-js
 * `authentication.getAuthToken()`, signed by a key of the tenant's JWKS, issued by
 * https://login.microsoftonline.com/<tenant>/v2.0, for the app (audience), in date, from the
 * configured tenant. `keys` lets tests sign tokens locally (no network).
 */
export function createTabSignIn(config: TabSignInConfig, keys?: JWTVerifyGetKey): TabSignIn {
  if (config.kind === "off")
    return () => Promise.resolve({ ok: false, message: `Sign-in is not configured: ${config.reason}.` });
  if (config.kind === "dev") return (request) => Promise.resolve(devSignIn(request));
  const issuer = `https://login.microsoftonline.com/${config.tenantId}/v2.0`;
  const jwks =
    keys ?? createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${config.tenantId}/discovery/v2.0/keys`));
  return async (request) => {
    const token = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(request.authorization ?? "")?.[1];
    if (!token) return { ok: false, message: "Sign in through Teams: no token came with the request." };
    try {
      // RS256 only: rules out `alg: none` and HMAC tricks with the public key. Five minutes of clock skew, as the SDK allows.
      const { payload } = await jwtVerify(token, jwks, {
        issuer,
        audience: config.audiences,
        algorithms: ["RS256"],
        clockTolerance: 300,
        requiredClaims: ["exp", "oid", "tid"],
      });
      const claims = ssoClaimsSchema.safeParse(payload);
      if (!claims.success || claims.data.tid.toLowerCase() !== config.tenantId)
        return { ok: false, message: "Your sign-in is for another organisation." };
      return {
        ok: true,
        identity: {
          aadObjectId: claims.data.oid.toLowerCase(),
          name: claims.data.name ?? "",
          tenantId: claims.data.tid.toLowerCase(),
        },
      };
    } catch {
      return {
        ok: false,
        message: "Your Teams sign-in could not be verified (expired or not for this app). Reload the tab.",
      };
    }
  };
}

/** Local use only: configuration allows it only on a loopback HOST, and the caller must be on loopback too. */
function devSignIn(request: TabSignInRequest): TabSignInResult {
  if (!isLoopback(request.remoteAddress))
    return { ok: false, message: "The dev sign-in is accepted only from this computer." };
  const parsed = devIdentitySchema.safeParse({
    devUser: request.devUser,
    devName: request.devName,
    devTenant: request.devTenant || undefined,
  });
  if (!parsed.success)
    return { ok: false, message: "Local mode: open the page with ?devUser=<Entra object id>&devName=<display name>." };
  return {
    ok: true,
    identity: {
      aadObjectId: parsed.data.devUser.toLowerCase(),
      name: parsed.data.devName,
      tenantId: parsed.data.devTenant ?? "",
    },
  };
}
