import type { IncomingMessage } from "node:http";

/**
 * The largest activity the bot reads. Teams caps the messages a bot sends at about 100 KB
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages) and
 * what it delivers to a bot is of the same order; 1 MiB leaves room for a large roster or mention list.
 */
export const MAX_ACTIVITY_BYTES = 1024 * 1024;

export type JsonBodyResult =
  { ok: true; value: Record<string, unknown> } | { ok: false; status: 400 | 413 | 415; problem: string };

/**
 * Reads a request body that must be one JSON object, with a hard byte cap, before anything else
 * sees it. The Bot Connector posts activities as plain JSON ("REST and JSON over HTTPS":
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference),
 * so anything else is refused before a byte is read: another media type (multipart, forms) or any
 * Content-Encoding (415). Nothing is decompressed and nothing is written to disk, so a gzip bomb or
 * an upload costs at most the cap in memory. Never rejects: a client that goes away mid-body is a 400.
 */
export async function readJsonBody(
  req: IncomingMessage,
  maxBytes: number = MAX_ACTIVITY_BYTES,
): Promise<JsonBodyResult> {
  if (!isJsonMediaType(req.headers["content-type"]))
    return refusedUnread(req, 415, "Content-Type must be application/json");
  const encoding = (req.headers["content-encoding"] ?? "").trim().toLowerCase();
  if (encoding !== "" && encoding !== "identity")
    return refusedUnread(req, 415, "Content-Encoding is not accepted: send the JSON uncompressed");
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > DRAIN_MAX_BYTES)
    return { ok: false, status: 413, problem: "the body is too large" };
  const read = await readCapped(req, maxBytes);
  if (read === "tooLarge") return { ok: false, status: 413, problem: "the body is too large" };
  if (read === "aborted") return { ok: false, status: 400, problem: "the body was not received whole" };
  return parseJsonObject(read);
}

/**
 * Past the cap a body is still read (and thrown away) up to this size before the 413 is sent: a
 * server that answers and closes while the client is still sending makes the client's TCP stack
 * drop the answer (the unread bytes turn the close into a reset). Beyond it the answer goes at once.
 */
const DRAIN_MAX_BYTES = 16 * 1024 * 1024;

/** A refusal decided by the headers alone: the body is thrown away unread (up to DRAIN_MAX_BYTES) before it is answered. */
async function refusedUnread(req: IncomingMessage, status: 415, problem: string): Promise<JsonBodyResult> {
  await readCapped(req, 0);
  return { ok: false, status, problem };
}

/** The body, or what stopped it; past `maxBytes` nothing more is kept. */
function readCapped(req: IncomingMessage, maxBytes: number): Promise<Buffer | "tooLarge" | "aborted"> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
      if (size > DRAIN_MAX_BYTES) resolve("tooLarge");
    });
    req.once("end", () => {
      resolve(size > maxBytes ? "tooLarge" : Buffer.concat(chunks));
    });
    req.once("error", () => {
      resolve("aborted");
    });
    req.once("close", () => {
      resolve("aborted");
    });
  });
}

/** Throws on bytes that are not UTF-8; one decoder serves every body (each decode call is whole). */
const UTF8 = new TextDecoder("utf-8", { fatal: true });

function parseJsonObject(bytes: Buffer): JsonBodyResult {
  let value: unknown;
  try {
    value = JSON.parse(UTF8.decode(bytes));
  } catch {
    return { ok: false, status: 400, problem: "the body is not valid UTF-8 JSON" };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return { ok: false, status: 400, problem: "the body must be a JSON object" };
  return { ok: true, value: value as Record<string, unknown> };
}

/** `application/json`, optionally with `charset=utf-8` (RFC 8259 JSON is UTF-8); parameters are case-insensitive. */
function isJsonMediaType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...parameters] = header.split(";").map((part) => part.trim().toLowerCase());
  if (type !== "application/json") return false;
  return parameters.every((parameter) => !parameter.startsWith("charset=") || /^charset="?utf-8"?$/.test(parameter));
}
