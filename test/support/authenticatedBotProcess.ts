import { randomBytes } from "node:crypto";
import { startBotProcess, type BotProcess } from "./botProcess";
import { testTablesConnectionString } from "./azuriteForTests";
import { TENANT_ID } from "../../simulator/teams/teamsActivities";

export const PROCESS_APP_ID = "3f2d6c1e-5b7a-4c8d-9e0f-1a2b3c4d5e6f";

/**
 * The real bot process (`npm start`) with Bot Framework authentication ON, as deployed. No test
 * request carries a token it can verify, and none needs the network: a missing or non-JWT token
 * fails at once, and a JWT from another issuer is refused before any signing key is fetched
 * (botframework-connector's JwtTokenExtractor checks the issuer first).
 */
export async function startAuthenticatedBotProcess(
  env: Record<string, string> = {},
  nodeArgs: readonly string[] = [],
): Promise<BotProcess> {
  return startBotProcess({
    tablesConnectionString: testTablesConnectionString(),
    tablePrefix: `t${randomBytes(5).toString("hex")}`,
    coordinators: [],
    env: {
      MicrosoftAppId: PROCESS_APP_ID,
      MicrosoftAppPassword: "never-sent",
      MicrosoftAppTenantId: TENANT_ID,
      ...env,
    },
    nodeArgs,
  });
}

/** A JWT-shaped token from an issuer the bot does not trust, so validation stops before fetching keys. */
export function foreignIssuerToken(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: "RS256", kid: "k1", typ: "JWT" })}.${encode({ iss: "https://issuer.example.org", aud: PROCESS_APP_ID, nbf: now, exp: now + 3600 })}.c2ln`;
}
