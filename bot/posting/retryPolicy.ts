/** How often a throttled send is tried in all, and the bounds of the wait between tries. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * How long to wait after try number `attempt` (0-based): the server's Retry-After when it gave one,
 * as is (no jitter) but never more than maxDelayMs; else exponential backoff with "equal jitter" — a
 * random wait between half and all of min(maxDelayMs, baseDelayMs·2^attempt) — so many senders don't
 * retry in lock-step, yet none retries almost at once.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
