import { randomUUID } from "node:crypto";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTVerifyGetKey } from "jose";

/**
 * Stands in for Microsoft Entra issuing the tab's SSO tokens (what teams-js getAuthToken returns):
 * RS256 v2.0 access tokens with oid/tid/name, signed by a key that `keys` publishes as the tenant's
 * JWKS would, or by a key it never publishes. Local keys, no network.
 */
export interface TabTokenClaims {
  oid: string;
  tid: string;
  name?: string;
  audience: string;
  /** Default: https://login.microsoftonline.com/<tid>/v2.0 */
  issuer?: string;
  /** Seconds from now (negative: already expired). */
  expiresIn?: number;
  key?: "published" | "unpublished";
}

export class TabTokenIssuer {
  private constructor(
    private readonly published: { kid: string; privateKey: CryptoKey },
    private readonly unpublished: { kid: string; privateKey: CryptoKey },
    readonly keys: JWTVerifyGetKey,
  ) {}

  static async create(): Promise<TabTokenIssuer> {
    const published = await generateKeyPair("RS256", { extractable: true });
    const unpublished = await generateKeyPair("RS256");
    const kid = randomUUID();
    const jwks = createLocalJWKSet({
      keys: [{ ...(await exportJWK(published.publicKey)), kid, alg: "RS256", use: "sig" }],
    });
    return new TabTokenIssuer(
      { kid, privateKey: published.privateKey },
      { kid: randomUUID(), privateKey: unpublished.privateKey },
      jwks,
    );
  }

  async sign(claims: TabTokenClaims): Promise<string> {
    const key = claims.key === "unpublished" ? this.unpublished : this.published;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ oid: claims.oid, tid: claims.tid, name: claims.name ?? "", ver: "2.0", scp: "access_as_user" })
      .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
      .setIssuer(claims.issuer ?? `https://login.microsoftonline.com/${claims.tid}/v2.0`)
      .setAudience(claims.audience)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (claims.expiresIn ?? 3600))
      .sign(key.privateKey);
  }

  /** `alg: none`, naming the published kid. */
  unsigned(claims: TabTokenClaims): string {
    const now = Math.floor(Date.now() / 1000);
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const payload = {
      oid: claims.oid,
      tid: claims.tid,
      aud: claims.audience,
      iss: `https://login.microsoftonline.com/${claims.tid}/v2.0`,
      nbf: now,
      iat: now,
      exp: now + 3600,
    };
    return `${encode({ alg: "none", kid: this.published.kid, typ: "JWT" })}.${encode(payload)}.`;
  }
}
