/**
 * Concurrent reads of the same row share one request: thirty members pressing Save at once need
 * their area's assignment once, not thirty times. Nothing is kept once the read settles, so a
 * caller never sees data older than a read that was still in flight when it asked (one request's
 * latency); a caller that must see a write of its own reads after that write has resolved, and
 * joins no read started before it.
 */
export class SharedReads<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  read(key: string, load: () => Promise<T>): Promise<T> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const started = load().finally(() => {
      this.inFlight.delete(key);
    });
    this.inFlight.set(key, started);
    return started;
  }
}
