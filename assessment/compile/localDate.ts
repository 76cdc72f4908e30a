/*
 * Dates as printed on the documents, in the assessment's time zone: formatting a given instant
 * reads no clock, so the compile stays pure.
 */

/** yyyy-mm-dd of the instant in the time zone. */
export function formatIsoDate(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: usableTimeZone(timeZone), year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(
    new Date(instant),
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** "3 March 2025": how UK councils write dates in prose. */
export function formatLongDate(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: usableTimeZone(timeZone), day: "numeric", month: "long", year: "numeric" }).format(new Date(instant));
}

/**
 * A time zone Intl accepts, else UTC. The details are validated when set, but a compile must not
 * fail at the last step over a zone this runtime lacks: a date a few hours off is the lesser harm.
 */
export function usableTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}
