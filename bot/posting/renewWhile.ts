/**
 * Keeps a claim alive while slow work runs: `renew` is called every `everyMs` until `work` settles.
 * A paced send can wait out several Retry-Afters; without renewal, another run would take the
 * claim for a dead one's and send the same thing again. A failed renewal is ignored: the lease
 * is only a hint for others, and the work's own outcome is what counts.
 */
export async function renewWhile<T>(
  renew: () => Promise<unknown>,
  everyMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const timer = setInterval(() => void renew().catch(() => undefined), everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
