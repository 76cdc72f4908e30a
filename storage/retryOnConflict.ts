import { ConcurrencyConflictError } from "./storageErrors";

export interface RetryOnConflictOptions {
  /** Total tries, the first included. */
  attempts?: number;
}

/** Jittered so writers that collided do not collide again in lockstep; capped to stay interactive. */
const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 100;

function backoff(failedAttempts: number): Promise<void> {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** failedAttempts);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

/**
 * Runs a read-modify-write again when its conditional write lost a race. The operation must do
 * its own read each time: retrying only the write would reapply a stale value. Other errors, and
 * the last conflict, go to the caller.
 */
export async function retryOnConflict<T>(
  operation: () => Promise<T>,
  options: RetryOnConflictOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError) || attempt >= attempts) throw error;
      await backoff(attempt);
    }
  }
}
