import net from "node:net";
import type { AddressInfo } from "node:net";

/**
 * A TCP proxy between the bot and Azurite that can make storage "unreachable" at an exact request:
 * it frames the HTTP/1.1 requests on each (keep-alive) connection, counts them, and from the chosen
 * request on either resets the connection before the request reaches Azurite ("refuse") or lets it
 * reach Azurite and resets before the response comes back ("loseResponse": the write happened but
 * the bot cannot know) or never answers ("hang": a black-holed network). Every later request is
 * cut the same way (refused after a lost response), until restore().
 */
export type StorageFault = "refuse" | "loseResponse" | "hang";

const HEADER_END = "\r\n\r\n";
const LAST_CHUNK = "\r\n0\r\n\r\n";

export class StorageFaultProxy {
  /** Requests framed so far (forwarded or not); a fault position is counted from this. */
  requestCount = 0;
  /** Requests that were cut (refused or their response lost). */
  faultsInjected = 0;
  /**
   * Round trips one after the other: a request that reaches storage while no other is waiting for
   * its response starts a new one; requests sent in parallel share it.
   */
  sequentialTrips = 0;
  private awaitingResponse = 0;
  /** Responses that reached the bot, by HTTP status (412/409: a conditional write lost a race). */
  readonly responseStatuses = new Map<number, number>();
  /** The first line of every request framed ("GET /devstoreaccount1/table(…) HTTP/1.1"), in order. */
  readonly requestLines: string[] = [];
  private failFrom = Number.POSITIVE_INFINITY;
  private cutFirst: ((requestLine: string) => boolean) | undefined;
  private fault: StorageFault = "refuse";
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    private readonly targetConnectionString: string,
  ) {}

  /** Listens on 127.0.0.1 in front of the table endpoint of `targetConnectionString`. */
  static async start(targetConnectionString: string): Promise<StorageFaultProxy> {
    const target = tableEndpointOf(targetConnectionString);
    const server = net.createServer();
    const proxy = new StorageFaultProxy(server, targetConnectionString);
    server.on("connection", (client) => {
      proxy.accept(client, Number(target.port), target.hostname);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return proxy;
  }

  /** The same account through the proxy. */
  get connectionString(): string {
    const { port } = this.server.address() as AddressInfo;
    const target = tableEndpointOf(this.targetConnectionString);
    return this.targetConnectionString.replace(target.origin, `http://127.0.0.1:${port}`);
  }

  /** Lets `passing` more requests through, then cuts every request until restore(). */
  cutAfter(passing: number, fault: StorageFault = "refuse"): void {
    this.failFrom = this.requestCount + passing;
    this.fault = fault;
  }

  /** Cuts from the first request whose first line `matches` on, as cutAfter does from a position. */
  cutFrom(matches: (requestLine: string) => boolean, fault: StorageFault = "refuse"): void {
    this.cutFirst = matches;
    this.fault = fault;
  }

  restore(): void {
    this.failFrom = Number.POSITIVE_INFINITY;
    this.cutFirst = undefined;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) =>
      this.server.close(() => {
        resolve();
      }),
    );
  }

  private accept(client: net.Socket, port: number, host: string): void {
    const upstream = net.connect(port, host);
    this.sockets.add(client).add(upstream);
    let pending = Buffer.alloc(0);
    let responses = Buffer.alloc(0);
    let losingResponse = false;
    const reset = () => {
      client.resetAndDestroy();
      upstream.destroy();
    };
    client.on("data", (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (let length = messageLength(pending); length !== undefined; length = messageLength(pending)) {
        const request = pending.subarray(0, length);
        pending = pending.subarray(length);
        const index = this.requestCount;
        this.requestCount += 1;
        const requestLine = request.subarray(0, request.indexOf("\r\n")).toString("latin1");
        this.requestLines.push(requestLine);
        if (this.cutFirst?.(requestLine) === true && index < this.failFrom) this.failFrom = index;
        if (index < this.failFrom) {
          if (this.awaitingResponse === 0) this.sequentialTrips += 1;
          this.awaitingResponse += 1;
          upstream.write(request);
          continue;
        }
        this.faultsInjected += 1;
        // Only the first cut request may reach storage; the SDK's retries of it find storage gone.
        if (this.fault === "loseResponse" && index === this.failFrom) {
          losingResponse = true;
          upstream.write(request);
        } else if (this.fault !== "hang") reset();
        return;
      }
    });
    upstream.on("data", (chunk: Buffer) => {
      if (losingResponse) {
        reset();
        return;
      }
      client.write(chunk);
      responses = Buffer.concat([responses, chunk]);
      for (let length = messageLength(responses); length !== undefined; length = messageLength(responses)) {
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(responses.subarray(0, 16).toString("latin1"))?.[1] ?? 0);
        this.responseStatuses.set(status, (this.responseStatuses.get(status) ?? 0) + 1);
        this.awaitingResponse = Math.max(0, this.awaitingResponse - 1);
        responses = responses.subarray(length);
      }
    });
    const forget = () => {
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on("error", forget).on("close", () => {
      upstream.destroy();
      forget();
    });
    upstream.on("error", forget).on("close", () => {
      client.destroy();
      forget();
    });
  }
}

/** Bytes of the first complete HTTP/1.1 message in `buffer` (headers + body), if all of it arrived. */
function messageLength(buffer: Buffer): number | undefined {
  const headerEnd = buffer.indexOf(HEADER_END);
  if (headerEnd < 0) return undefined;
  const headers = buffer.subarray(0, headerEnd).toString("latin1");
  const bodyStart = headerEnd + HEADER_END.length;
  if (/^transfer-encoding:\s*chunked/im.test(headers)) {
    // JSON bodies never contain the last-chunk marker, so finding it is enough for a test proxy.
    const end = buffer.indexOf(LAST_CHUNK, bodyStart - 2);
    return end < 0 ? undefined : end + LAST_CHUNK.length;
  }
  const contentLength = Number(/^content-length:\s*(\d+)/im.exec(headers)?.[1] ?? "0");
  return buffer.length >= bodyStart + contentLength ? bodyStart + contentLength : undefined;
}

function tableEndpointOf(connectionString: string): URL {
  const endpoint = /TableEndpoint=([^;]+)/i.exec(connectionString)?.[1];
  if (!endpoint)
    throw new Error("storageFaultProxy needs a connection string with a TableEndpoint (Azurite's has one)");
  return new URL(endpoint);
}
