import PQueue from "p-queue";
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from "./retryPolicy";
import type { SendOutcome } from "./sendOutcome";

/**
 * Sends to Teams within its per-conversation rate limits and retries throttling. One queue per
 * conversation (Teams counts per bot per conversation): at most `perSecond` sends a second, one at
 * a time, so cards arrive in order. Throttled sends wait (Retry-After, else backoff) and retry; a
 * send is never dropped silently — after the last attempt the final outcome is returned.
 */
export interface PacingOptions {
  /** Teams allows 7 per second and 8 per 2 seconds per conversation; we stay under both. */
  intervalMs: number;
  intervalCap: number;
  retry: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const TEAMS_PACING: Omit<PacingOptions, "sleep" | "random"> = { intervalMs: 2000, intervalCap: 7, retry: DEFAULT_RETRY_POLICY };

export class PacedSender {
  private readonly queues = new Map<string, PQueue>();

  constructor(private readonly options: PacingOptions) {}

  /** Queues `attempt` for `conversationKey`; resolves with the last outcome. */
  async send(conversationKey: string, attempt: () => Promise<SendOutcome>): Promise<SendOutcome> {
    let outcome: SendOutcome = { kind: "failed", reason: "not attempted" };
    for (let tryNumber = 0; tryNumber < this.options.retry.maxAttempts; tryNumber += 1) {
      outcome = (await this.queueFor(conversationKey).add(attempt)) as SendOutcome;
      if (outcome.kind !== "throttled") return outcome;
      await this.options.sleep(retryDelayMs(tryNumber, outcome.retryAfterMs, this.options.retry, this.options.random));
    }
    return outcome;
  }

  /** Resolves when every queued send has finished (used at shutdown and by tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.onIdle()));
  }

  private queueFor(key: string): PQueue {
    let queue = this.queues.get(key);
    if (!queue) {
      queue = new PQueue({ concurrency: 1, intervalCap: this.options.intervalCap, interval: this.options.intervalMs, carryoverIntervalCount: true });
      this.queues.set(key, queue);
    }
    return queue;
  }
}
