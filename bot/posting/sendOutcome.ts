/**
 * What happened when we tried to send something to Teams. Sending is data, not exceptions: the
 * caller decides whether to retry, give up, or tell a lead, and tests can assert on each case.
 */
export type SendOutcome =
  | { kind: "sent"; activityId: string; conversationId: string }
  | { kind: "throttled"; retryAfterMs?: number }
  | { kind: "recipientGone"; reason: string }
  | { kind: "failed"; status?: number; reason: string };

/** Reads a connector error (RestError from botframework-connector, or anything thrown) into an outcome. */
export function outcomeFromError(error: unknown, now: Date): SendOutcome {
  const status = readNumber(error, "statusCode");
  const body = readBodyText(error);
  if (status === 429 || status === 412 || status === 502 || status === 503 || status === 504) {
    return { kind: "throttled", retryAfterMs: parseRetryAfter(readHeader(error, "retry-after"), now) };
  }
  if (status === 403 && /MessageWritesBlocked/i.test(body)) {
    return { kind: "recipientGone", reason: "MessageWritesBlocked: the user blocked or removed the bot" };
  }
  if (status === 404 && /ConversationNotFound|BotNotInConversationRoster/i.test(body)) {
    return { kind: "recipientGone", reason: "the bot is no longer in that conversation" };
  }
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (status === undefined && (code === "ECONNREFUSED" || code === "ECONNRESET" || code === "ETIMEDOUT")) {
    return { kind: "throttled" };
  }
  return {
    kind: "failed",
    status,
    reason: status ? `HTTP ${status}` : error instanceof Error ? error.name : "unknown error",
  };
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

function readNumber(error: unknown, key: string): number | undefined {
  const value = (error as Record<string, unknown> | null)?.[key];
  return typeof value === "number" ? value : undefined;
}

function readHeader(error: unknown, name: string): string | undefined {
  const headers = (error as { response?: { headers?: { get?: (key: string) => string | undefined } } } | null)?.response
    ?.headers;
  return typeof headers?.get === "function" ? headers.get(name) : undefined;
}

function readBodyText(error: unknown): string {
  const response = (error as { response?: { bodyAsText?: unknown } } | null)?.response;
  const body = typeof response?.bodyAsText === "string" ? response.bodyAsText : "";
  const message = error instanceof Error ? error.message : "";
  return `${body} ${message}`;
}
