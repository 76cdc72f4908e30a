import type { ConfigurationBotFrameworkAuthentication } from "botbuilder";
import { AuthenticationConstants, type ClaimsIdentity } from "botframework-connector";
import { LRUCache } from "lru-cache";

type Auth = ConfigurationBotFrameworkAuthentication;
type ConnectorFactory = NonNullable<Awaited<ReturnType<Auth["authenticateRequest"]>>["connectorFactory"]>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory["create"]>>;
type UserTokenClient = Awaited<ReturnType<Auth["createUserTokenClient"]>>;

/** Teams answers from a handful of service URLs per region; the cap only bounds a flood of made-up ones. */
const KEPT_CLIENTS = 64;

/**
 * CloudAdapter builds a new Connector client and a new user-token client for every incoming
 * activity, each with its own HTTP pipeline, although an invoke answered in its response uses
 * neither: ~0.19 ms of the main thread per answer (CPU profile of the submit bench at
 * concurrency 10), more than any handler's own work. Both are reusable Azure SDK clients whose
 * credentials keep their own token cache, so they are kept per bot app id, service URL and
 * audience, as botbuilder's older BotFrameworkAdapter kept its connector clients.
 */
export function reuseTurnClients(auth: Auth): Auth {
  const connectors = new LRUCache<string, Promise<ConnectorClient>>({ max: KEPT_CLIENTS });
  const tokenClients = new LRUCache<string, Promise<UserTokenClient>>({ max: KEPT_CLIENTS });

  const authenticateRequest = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    const result = await authenticateRequest(activity, authHeader);
    const factory = result.connectorFactory;
    if (factory === undefined) return result;
    const appId = appIdOf(result.claimsIdentity);
    const create: ConnectorFactory["create"] = (serviceUrl, audience) =>
      kept(connectors, JSON.stringify([appId, serviceUrl, audience]), () => factory.create(serviceUrl, audience));
    return { ...result, connectorFactory: Object.assign(Object.create(factory) as ConnectorFactory, { create }) };
  };

  const createUserTokenClient = auth.createUserTokenClient.bind(auth);
  auth.createUserTokenClient = (claimsIdentity) =>
    kept(tokenClients, JSON.stringify([appIdOf(claimsIdentity)]), () => createUserTokenClient(claimsIdentity));
  return auth;
}

/** The client made for `key` before, or a new one; a failed creation is forgotten, so the next turn tries again. */
function kept<T>(clients: LRUCache<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const known = clients.get(key);
  if (known !== undefined) return known;
  const made = make();
  clients.set(key, made);
  made.catch(() => clients.delete(key));
  return made;
}

/** The app id the SDK builds a turn's clients for: the audience claim (channels), else the app id claim (Emulator). */
function appIdOf(identity: ClaimsIdentity): string | undefined {
  return (
    identity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    identity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    undefined
  );
}
