import type { ConfigurationBotFrameworkAuthentication } from "botbuilder";

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication["createConnectorFactory"]>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory["create"]>>;

/** @azure/core-rest-pipeline's name for the retry policy every client pipeline gets by default. */
const DEFAULT_RETRY_POLICY_NAME = "defaultRetryPolicy";

/**
 * The Bot Connector client retries by itself (a 429 with Retry-After, 5xx and socket errors, up to
 * 3 times) inside what the PacedSender sees as one attempt: Teams then gets up to 4 requests per
 * paced attempt, the rolling windows undercount them (measured: 8 posts in under a second after a
 * throttled card), and "8 attempts" means 32. The paced sender owns retries, so the client's own
 * policy is removed from each connector client as it is created.
 */
export function withoutConnectorClientRetries(auth: ConfigurationBotFrameworkAuthentication): ConfigurationBotFrameworkAuthentication {
  const createConnectorFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (claimsIdentity) => {
    const factory = createConnectorFactory(claimsIdentity);
    const create: ConnectorFactory["create"] = async (serviceUrl, audience) => removeRetryPolicy(await factory.create(serviceUrl, audience));
    return Object.assign(Object.create(factory) as ConnectorFactory, { create });
  };
  return auth;
}

function removeRetryPolicy(client: ConnectorClient): ConnectorClient {
  // botbuilder-stdlib keeps the core-client ServiceClient in a field it does not export a type for.
  const pipeline = (client as unknown as { client?: { pipeline?: { removePolicy(options: { name: string }): unknown } } }).client?.pipeline;
  if (!pipeline) throw new Error("botframework-connector's client no longer exposes its pipeline: check withoutConnectorClientRetries after upgrading botbuilder");
  pipeline.removePolicy({ name: DEFAULT_RETRY_POLICY_NAME });
  return client;
}
