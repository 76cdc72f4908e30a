/**
 * The bot's clock during the demo: four weeks of an assessment happen in seconds, so the demo sets
 * the time before each step and the bot stamps answers, decisions and the compile with it.
 */
export class SteppedClock {
  constructor(private at: number) {}

  readonly now = (): Date => new Date(this.at);

  set(at: Date): void {
    this.at = at.getTime();
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `hour` o'clock on day `day` (0 = Monday) of week `week` (1-based; 0 is the week before) of an assessment starting at 09:00 on `start`. */
export function dayOf(start: Date, week: number, day: number, hour = 9): Date {
  return new Date(start.getTime() + ((week - 1) * 7 + day) * DAY_MS + (hour - 9) * 60 * 60 * 1000);
}
