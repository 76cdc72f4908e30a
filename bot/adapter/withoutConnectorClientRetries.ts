import type { ConfigurationBotFrameworkAuthentication } from "botbuilder";

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication["createConnectorFactory"]>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory["create"]>>;

/** The slice of @azure/core-rest-pipeline's Pipeline and PipelinePolicy used here (a transitive dependency). */
interface PipelinePolicy {
  name: string;
  sendRequest(request: unknown, next: (request: unknown) => Promise<unknown>): Promise<unknown>;
}
interface Pipeline {
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: PipelinePolicy, options: { phase: "Retry" }): void;
}

/** @azure/core-rest-pipeline's name for the retry policy every client pipeline gets by default. */
const DEFAULT_RETRY_POLICY_NAME = "defaultRetryPolicy";
const SOCKET_RETRIES = 2;
const SOCKET_ERRORS = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT"]);

/**
 * The Bot Connector client retries by itself (a 429 with Retry-After, 5xx, socket errors; up to 3
 * times) inside what the PacedSender sees as one attempt: Teams then got up to 4 requests per paced
 * attempt, the rolling windows undercounted them (measured: 8 posts in under a second after a
 * throttled card) and "8 attempts" meant 32. Answers from Teams (429, 5xx) now come straight back
 * to the paced sender, which owns those retries. A socket error is still retried here: Teams never
 * answered, so it counted nothing. Only clients made through createConnectorFactory (proactive
 * sends) are changed: the client the adapter makes for an incoming turn keeps the SDK's retries,
 * so an unpaced reply Teams throttles still arrives (test/bot/app/throttledReply.test.ts).
 */
export function withoutConnectorClientRetries(
  auth: ConfigurationBotFrameworkAuthentication,
): ConfigurationBotFrameworkAuthentication {
  const createConnectorFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (claimsIdentity) => {
    const factory = createConnectorFactory(claimsIdentity);
    const create: ConnectorFactory["create"] = async (serviceUrl, audience) =>
      retrySocketErrorsOnly(await factory.create(serviceUrl, audience));
    return Object.assign(Object.create(factory) as ConnectorFactory, { create });
  };
  return auth;
}

function retrySocketErrorsOnly(client: ConnectorClient): ConnectorClient {
  // botbuilder-stdlib keeps the core-client ServiceClient in a field it does not export a type for.
  const pipeline = (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
  if (!pipeline)
    throw new Error(
      "botframework-connector's client no longer exposes its pipeline: check withoutConnectorClientRetries after upgrading botbuilder",
    );
  pipeline.removePolicy({ name: DEFAULT_RETRY_POLICY_NAME });
  pipeline.addPolicy(
    { name: "socketErrorRetry", sendRequest: (request, next) => sendRetryingSocketErrors(request, next) },
    { phase: "Retry" },
  );
  return client;
}

async function sendRetryingSocketErrors(
  request: unknown,
  next: (request: unknown) => Promise<unknown>,
): Promise<unknown> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await next(request);
    } catch (error) {
      const code = (error as { code?: unknown } | undefined)?.code;
      if (retry >= SOCKET_RETRIES || typeof code !== "string" || !SOCKET_ERRORS.has(code)) throw error;
    }
  }
}
