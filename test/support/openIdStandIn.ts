import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { ConfigurationBotFrameworkAuthentication } from "botbuilder";
import { ServiceClientCredentialsFactory, type ServiceClientCredentials } from "botframework-connector";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { closeServer } from "../../simulator/http/closeServer";

/**
 * A local stand-in for the Bot Framework's token authority: an OpenID configuration document and a
 * JWKS (one freshly generated RSA key, endorsed for "msteams" as the real JWKS keys are), served on
 * 127.0.0.1 so token validation runs the SDK's own code with no network. A second key, never
 * published, signs forged tokens.
 */
export const BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";

/** The channel id the published key is endorsed for (the SDK checks it against activity.channelId). */
const ENDORSEMENTS = ["msteams"];

export interface TokenClaims {
  /** The bot's app id for a genuine token. */
  audience: string;
  issuer?: string;
  /** Must equal the activity's serviceUrl for the SDK to accept it. */
  serviceUrl: string;
  /** Seconds from now (negative: already expired). */
  expiresIn?: number;
  /** Seconds from now before which the token is not valid. */
  notBefore?: number;
  /**
   * "published": the JWKS key. "unpublished": a forger's key under its own kid, which the JWKS lacks.
   * "impostor": the forger's key claiming the published kid, so only the signature check can catch it.
   */
  key?: "published" | "unpublished" | "impostor";
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export class OpenIdStandIn {
  /** Requests the SDK made, so a test can see validation really went through this stand-in. */
  readonly requests: string[] = [];
  private server?: http.Server;

  private constructor(
    private readonly published: SigningKey,
    private readonly unpublished: SigningKey,
  ) {}

  static async start(): Promise<OpenIdStandIn> {
    const standIn = new OpenIdStandIn(await newSigningKey(), await newSigningKey());
    standIn.server = http.createServer((req, res) => {
      standIn.handle(req, res);
    });
    await new Promise<void>((resolve) => standIn.server?.listen(0, "127.0.0.1", resolve));
    return standIn;
  }

  /**
   * A unique URL per stand-in: the SDK caches metadata per URL for the life of the process, so a
   * stand-in must never share one with another (keys would not match).
   */
  get metadataUrl(): string {
    return `${this.baseUrl}/v1/.well-known/openidconfiguration`;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  async signToken(claims: TokenClaims): Promise<string> {
    const key = claims.key === "published" || claims.key === undefined ? this.published : this.unpublished;
    const kid = claims.key === "impostor" ? this.published.kid : key.kid;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: claims.serviceUrl })
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer(claims.issuer ?? BOT_FRAMEWORK_ISSUER)
      .setAudience(claims.audience)
      .setIssuedAt(now)
      .setNotBefore(now + (claims.notBefore ?? 0))
      .setExpirationTime(now + (claims.expiresIn ?? 3600))
      .sign(key.privateKey);
  }

  /** An unsigned token (`alg: none`) naming the published kid: a forger's oldest trick. */
  unsignedToken(claims: TokenClaims): string {
    const now = Math.floor(Date.now() / 1000);
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const header = encode({ alg: "none", kid: this.published.kid, typ: "JWT" });
    const payload = encode({
      iss: claims.issuer ?? BOT_FRAMEWORK_ISSUER,
      aud: claims.audience,
      serviceurl: claims.serviceUrl,
      nbf: now,
      iat: now,
      exp: now + 3600,
    });
    return `${header}.${payload}.`;
  }

  /**
   * The bot's authentication as production builds it, but with the channel (and emulator) OpenID
   * metadata pointed at this stand-in, and outgoing credentials that never ask Entra for a token:
   * a reply from the bot must not reach for login.microsoftonline.com (no network in tests).
   */
  botAuthentication(appId: string): ConfigurationBotFrameworkAuthentication {
    const credentials = new NoTokenCredentials(appId);
    return new ConfigurationBotFrameworkAuthentication(
      {
        MicrosoftAppId: appId,
        ToBotFromChannelOpenIdMetadataUrl: this.metadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: this.metadataUrl,
        ToBotFromChannelTokenIssuer: BOT_FRAMEWORK_ISSUER,
        ToChannelFromBotOAuthScope: BOT_FRAMEWORK_ISSUER,
        ToChannelFromBotLoginUrl: `${this.baseUrl}/login`,
        OAuthUrl: `${this.baseUrl}/oauth`,
        CallerId: "urn:botframework:azure",
      },
      credentials,
    );
  }

  private get baseUrl(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error("OpenID stand-in not started");
    return `http://127.0.0.1:${address.port}`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = req.url ?? "";
    this.requests.push(path);
    // Not chained: restify replaces ServerResponse.prototype.writeHead process-wide with one that returns undefined.
    if (path === "/v1/.well-known/openidconfiguration") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          issuer: BOT_FRAMEWORK_ISSUER,
          jwks_uri: `${this.baseUrl}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ["RS256"],
        }),
      );
      return;
    }
    if (path === "/v1/.well-known/keys") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          keys: [{ ...this.published.publicJwk, kid: this.published.kid, use: "sig", endorsements: ENDORSEMENTS }],
        }),
      );
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end("{}");
  }
}

/** Outgoing credentials for one app id that sign nothing, so no request asks Entra for a token. */
class NoTokenCredentials extends ServiceClientCredentialsFactory {
  constructor(private readonly appId: string) {
    super();
  }
  override isValidAppId(candidate: string): Promise<boolean> {
    return Promise.resolve(candidate === this.appId);
  }
  override isAuthenticationDisabled(): Promise<boolean> {
    return Promise.resolve(false);
  }
  override createCredentials(): Promise<ServiceClientCredentials> {
    return Promise.resolve({ signRequest: (request) => Promise.resolve(request) });
  }
}

async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  return { kid: randomUUID(), privateKey, publicJwk: await exportJWK(publicKey) };
}
