/** True for an IANA time zone the runtime knows (e.g. Europe/London); used by config and `details`. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
