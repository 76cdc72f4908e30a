import { usableTimeZone } from "../time/formatDates";

/**
 * yyyy-mm-dd of the instant in the time zone: the front sheet's date as data (CSV, JSON, file
 * names). Text a person reads shows it through formatCalendarDate in assessment/time/formatDates.
 */
export function formatIsoDate(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: usableTimeZone(timeZone),
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
