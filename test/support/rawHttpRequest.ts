import net from "node:net";

export interface RawHttpOutcome {
  /** The status of the response, or undefined when the connection closed (or timed out) without one. */
  status?: number;
  /** The whole response as received (headers and body), latin1. */
  text: string;
}

/**
 * Sends bytes exactly as given over a fresh TCP connection and reads until the server closes it (or
 * `timeoutMs`): header abuse, lying lengths and truncated bodies cannot be sent through fetch.
 * The write side is half-closed after the request, so a server waiting for more body sees the end.
 */
export function rawHttpRequest(botUrl: string, request: Buffer, timeoutMs = 10_000): Promise<RawHttpOutcome> {
  const { hostname, port } = new URL(botUrl);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect({ host: hostname, port: Number(port), allowHalfOpen: true });
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString("latin1");
      const status = /^HTTP\/1\.[01] (\d{3}) /.exec(text)?.[1];
      resolve({ status: status === undefined ? undefined : Number(status), text });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", () => undefined);
    socket.on("close", finish);
    socket.on("end", () => socket.end());
    socket.write(request, () => socket.end());
  });
}

/** An HTTP/1.1 POST to /api/messages with exactly these header lines and body (no Content-Length added). */
export function rawPost(headerLines: readonly string[], body: Buffer, path = "/api/messages"): Buffer {
  return Buffer.concat([
    Buffer.from(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headerLines.map((line) => `${line}\r\n`).join("")}\r\n`,
      "latin1",
    ),
    body,
  ]);
}
