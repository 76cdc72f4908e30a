/*
 * How every card and document writes a date or time: UK form, in the assessment's time zone
 * ("7 Mar 2025, 17:08", "30 April 2025"). Formatting a given instant reads no clock, so the
 * callers stay pure. Intl's en-GB forms are used as they are, so September is "Sept".
 */

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "7 Mar 2025, 17:08": when something happened, to the minute, as the clock on the wall showed it. */
export function formatDateTime(instant: string, timeZone: string): string {
  return formatter(dateTimeFormats, timeZone, { dateStyle: "medium", timeStyle: "short" }).format(new Date(instant));
}

/** "30 April 2025": the day of an instant where the assessment is. */
export function formatDate(instant: string, timeZone: string): string {
  return formatter(dateFormats, timeZone, { dateStyle: "long" }).format(new Date(instant));
}

/** "30 April 2025" for a calendar date (yyyy-mm-dd, such as a deadline): a day, with no time zone to apply. */
export function formatCalendarDate(isoDate: string): string {
  // Noon UTC of that day is the same calendar day when printed in UTC, whatever the host's zone.
  return formatDate(`${isoDate}T12:00:00Z`, "UTC");
}

/**
 * A time zone Intl accepts, else UTC. Zones are validated when set, but a card or compile must not
 * fail at the last step over a zone this runtime lacks: a time a few hours off is the lesser harm.
 */
export function usableTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

function formatter(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-GB", { ...options, timeZone: usableTimeZone(timeZone) });
    cache.set(timeZone, format);
  }
  return format;
}
