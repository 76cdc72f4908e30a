import { Cron } from "croner";

/**
 * How far back a scheduled digest is still worth sending late. A 9:00 digest missed because the
 * bot was restarting (a deployment, a crash) is still useful at 11:00; in the evening it is not,
 * and the next slot is near.
 */
export const DIGEST_CATCH_UP_WINDOW_MS = 4 * 60 * 60 * 1000;

/** The latest slot of `pattern` in (now − window, now], if any: what a process starting now may have missed. */
export function missedDigestSlot(
  pattern: string,
  timeZone: string,
  now: Date,
  windowMs = DIGEST_CATCH_UP_WINDOW_MS,
): Date | undefined {
  const schedule = new Cron(pattern, { timezone: timeZone, paused: true });
  try {
    let latest: Date | undefined;
    for (
      let slot = schedule.nextRun(new Date(now.getTime() - windowMs));
      slot && slot.getTime() <= now.getTime();
      slot = schedule.nextRun(slot)
    ) {
      latest = slot;
    }
    return latest;
  } finally {
    schedule.stop();
  }
}
