/**
 * What the member typed, read loosely so it can always be given back to them — even when the
 * submission is refused. Only strings are kept; anything absurdly large is cut for the echo only
 * (Teams' own inputs stop far earlier, so only a forged payload gets here).
 */
const ECHO_MAX_CHARS = 12_000;

export function enteredString(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  return typeof value === "string" ? value.slice(0, ECHO_MAX_CHARS) : "";
}
