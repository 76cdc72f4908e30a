/**
 * When an assessment's raw answers must go: RETENTION_MONTHS calendar months after its LAST compile
 * (a later compile restarts the clock, because the coordinator may still be correcting the result).
 * Month arithmetic is in UTC and clamps to the month's last day, so 31 January + 1 month is
 * 28 (or 29) February at the same time of day, never 3 March.
 */
export function addCalendarMonths(instant: Date, months: number): Date {
  const year = instant.getUTCFullYear();
  const month = instant.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(instant.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(
      year,
      month,
      day,
      instant.getUTCHours(),
      instant.getUTCMinutes(),
      instant.getUTCSeconds(),
      instant.getUTCMilliseconds(),
    ),
  );
}

/** What the rule needs to know about one assessment. */
export interface RetentionState {
  /** ISO instant of the last compile; never compiled means never deleted (nothing final to keep). */
  lastCompiledAt?: string;
  /** The compile instant the last retention run deleted the raw data for, if any. */
  purgedForCompileAt?: string;
}

/** Undefined when nothing is ever due (retention off, or never compiled). */
export function retentionDueAt(state: RetentionState, months: number): Date | undefined {
  if (months <= 0 || state.lastCompiledAt === undefined) return undefined;
  const compiledAt = new Date(state.lastCompiledAt);
  if (Number.isNaN(compiledAt.getTime())) return undefined;
  return addCalendarMonths(compiledAt, months);
}

/** Due once the date is reached, unless this compile's raw data was already deleted (idempotent). */
export function isRetentionDue(state: RetentionState, months: number, now: Date): boolean {
  const dueAt = retentionDueAt(state, months);
  if (dueAt === undefined || now.getTime() < dueAt.getTime()) return false;
  return state.purgedForCompileAt !== state.lastCompiledAt;
}
