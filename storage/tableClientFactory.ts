import { TableClient, type TableServiceClientOptions } from "@azure/data-tables";
import { emulatorBodyPolicy } from "./emulatorBodyPolicy";
import { TABLE_NAMES, type TableId } from "./tableNames";
import { translateStorageError } from "./translateStorageError";

export interface TableStorageOptions {
  connectionString: string;
  /** Letters and digits, starting with a letter: Azure table names allow nothing else. */
  tablePrefix: string;
  /** Per attempt; an unreachable store should fail in seconds so the user hears "not saved". */
  requestTimeoutMs?: number;
}

export type TableClients = Readonly<Record<TableId, TableClient>>;

/** Named through the SDK's options so we depend on no transitive package. */
export type PipelinePolicy = NonNullable<TableServiceClientOptions["additionalPolicies"]>[number]["policy"];

const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;
const TABLE_NAME = /^[A-Za-z][A-Za-z0-9]{2,62}$/;
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost"]);

/**
 * The SDK's default (3 retries from 0.8 s, exponential) and no request timeout can keep a user
 * waiting for minutes; Teams gives up on an invoke after 10–15 s. Two quick retries ride out a blip.
 */
const RETRY_OPTIONS = { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 } as const;

function requestTimeoutPolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: "storageRequestTimeout",
    sendRequest: (request, next) => {
      if (request.timeout === 0) request.timeout = timeoutMs;
      return next(request);
    },
  };
}

/** The table endpoint a connection string points at, so we can tell a local emulator apart. */
function tableEndpoint(connectionString: string): URL | undefined {
  const settings = new Map(
    connectionString
      .split(";")
      .map((pair) => pair.trim())
      .filter((pair) => pair.includes("="))
      .map((pair) => [pair.slice(0, pair.indexOf("=")).toLowerCase(), pair.slice(pair.indexOf("=") + 1)] as const),
  );
  if (settings.get("usedevelopmentstorage") === "true") return new URL("http://127.0.0.1:10002/devstoreaccount1");
  const endpoint = settings.get("tableendpoint");
  return endpoint === undefined ? undefined : new URL(endpoint);
}

/** Plain http is only acceptable to an emulator on this machine; anything else keeps the SDK's https rule. */
export function allowsInsecureConnection(connectionString: string): boolean {
  const endpoint = tableEndpoint(connectionString);
  return endpoint !== undefined && endpoint.protocol === "http:" && LOCAL_HOSTS.has(endpoint.hostname);
}

/** A client for one table by its full name (the journal replay names tables as they were written). */
export function createTableClient(options: Omit<TableStorageOptions, "tablePrefix">, tableName: string): TableClient {
  const local = allowsInsecureConnection(options.connectionString);
  const timeout = {
    policy: requestTimeoutPolicy(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
    position: "perRetry",
  } as const;
  const clientOptions: TableServiceClientOptions = {
    allowInsecureConnection: local,
    retryOptions: RETRY_OPTIONS,
    additionalPolicies: local ? [timeout, { policy: emulatorBodyPolicy, position: "perCall" }] : [timeout],
  };
  return TableClient.fromConnectionString(options.connectionString, tableName, clientOptions);
}

/** One client per table. Builds no connection and does no I/O: see ensureTables. */
export function createTableClients(options: TableStorageOptions): TableClients {
  const entries = Object.entries(TABLE_NAMES).map(([id, name]) => {
    const tableName = `${options.tablePrefix}${name}`;
    if (!TABLE_NAME.test(tableName)) {
      throw new Error(
        `Table name "${tableName}" is invalid: the table prefix must be letters and digits, starting with a letter`,
      );
    }
    return [id, createTableClient(options, tableName)] as const;
  });
  return Object.fromEntries(entries) as Record<TableId, TableClient>;
}

/** Creates every table; the SDK already treats 409 TableAlreadyExists as success. */
export async function ensureTables(clients: TableClients): Promise<void> {
  const create = async (client: TableClient) => {
    try {
      await client.createTable();
    } catch (error) {
      throw translateStorageError(error, { table: client.tableName, conditional: false });
    }
  };
  await Promise.all(Object.values(clients).map(create));
}
