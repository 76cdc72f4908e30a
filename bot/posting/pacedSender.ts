import PQueue from "p-queue";
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from "./retryPolicy";
import type { SendOutcome } from "./sendOutcome";
import { SlidingWindow, type WindowLimit } from "./slidingWindow";

/**
 * Sends to Teams within its per-conversation rate limits and retries throttling. One queue per
 * conversation (Teams counts per bot per conversation), one send at a time so cards arrive in
 * order, each attempt — throttled ones included, Teams counts those too — spaced by rolling
 * windows. Throttled sends wait (Retry-After, else backoff) and retry; a send is never dropped
 * silently: after the last attempt the final outcome is returned.
 */
export interface PacingOptions {
  limits: readonly WindowLimit[];
  retry: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
}

/** Under Teams' published limits: 7 per 1 s, 8 per 2 s, 60 per 30 s, 1800 per hour per conversation. */
export const TEAMS_PACING: Pick<PacingOptions, "limits" | "retry"> = {
  limits: [
    { max: 7, perMs: 2000 },
    { max: 60, perMs: 30_000 },
    { max: 1800, perMs: 3_600_000 },
  ],
  retry: DEFAULT_RETRY_POLICY,
};

export class PacedSender {
  private readonly queues = new Map<string, { queue: PQueue; window: SlidingWindow }>();

  constructor(private readonly options: PacingOptions) {}

  /** Queues `attempt` for `conversationKey`; resolves with the last outcome. */
  async send(conversationKey: string, attempt: () => Promise<SendOutcome>): Promise<SendOutcome> {
    let outcome: SendOutcome = { kind: "failed", reason: "not attempted" };
    for (let tryNumber = 0; tryNumber < this.options.retry.maxAttempts; tryNumber += 1) {
      outcome = await this.paced(conversationKey, attempt);
      if (outcome.kind !== "throttled") return outcome;
      await this.options.sleep(retryDelayMs(tryNumber, outcome.retryAfterMs, this.options.retry, this.options.random));
    }
    return outcome;
  }

  /** Resolves when every queued send has finished (used at shutdown and by tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.queues.values()].map(({ queue }) => queue.onIdle()));
  }

  private paced(key: string, attempt: () => Promise<SendOutcome>): Promise<SendOutcome> {
    const lane = this.laneFor(key);
    return lane.queue.add<SendOutcome>(async () => {
      const wait = lane.window.delayBefore(this.options.now());
      if (wait > 0) await this.options.sleep(wait);
      lane.window.record(this.options.now());
      return attempt();
    });
  }

  private laneFor(key: string): { queue: PQueue; window: SlidingWindow } {
    let lane = this.queues.get(key);
    if (!lane) {
      lane = { queue: new PQueue({ concurrency: 1 }), window: new SlidingWindow(this.options.limits) };
      this.queues.set(key, lane);
    }
    return lane;
  }
}
