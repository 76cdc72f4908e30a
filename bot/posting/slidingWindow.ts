/**
 * Teams counts sends per conversation in rolling windows (7 per 1 s, 8 per 2 s, 60 per 30 s), so
 * fixed windows are not enough: 7 sends just before a boundary and 7 just after would be 14 in
 * 2 s. This remembers recent send times and says how long to wait before the next one.
 */
export interface WindowLimit {
  max: number;
  perMs: number;
}

export class SlidingWindow {
  private readonly sentAt: number[] = [];

  constructor(private readonly limits: readonly WindowLimit[]) {}

  /** Milliseconds to wait at `now` before a send stays within every limit (0 = send now). */
  delayBefore(now: number): number {
    const longest = Math.max(...this.limits.map((limit) => limit.perMs));
    while (this.sentAt.length > 0 && (this.sentAt[0] ?? 0) <= now - longest) this.sentAt.shift();
    let wait = 0;
    for (const limit of this.limits) {
      const inWindow = this.sentAt.filter((at) => at > now - limit.perMs);
      if (inWindow.length >= limit.max) {
        const oldestThatMustExpire = inWindow[inWindow.length - limit.max] ?? now;
        wait = Math.max(wait, oldestThatMustExpire + limit.perMs - now);
      }
    }
    return wait;
  }

  record(now: number): void {
    this.sentAt.push(now);
  }
}
