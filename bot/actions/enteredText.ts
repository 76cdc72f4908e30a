/**
 * What the member typed, read loosely so it can always be given back to them — even when the
 * submission is refused. Only strings are kept; anything absurdly large is cut for the echo only
 * (Teams' own inputs stop far earlier, so only a forged payload gets here).
 */
const ECHO_MAX_CHARS = 12_000;

export function enteredString(data: Record<string, unknown>, key: string): string {
  return typedString(data, key).slice(0, ECHO_MAX_CHARS);
}

/**
 * What was typed, whole: what validation must see. Limits apply to the cleaned whole text, never
 * to the echo's cut copy — fuzzing found 12,000 NULs + text saved as "" (the cut held only NULs).
 */
export function typedString(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  return typeof value === "string" ? value : "";
}

/**
 * A whole number as a score ChoiceSet sends it ("0"–"100"; blanks around it allowed), or undefined.
 * Not Number(): it reads " " as 0 and "+3", "3.0", "0x3" or "3e0" as 3 — fuzzing found a blank
 * agreed global score recorded as 0.
 */
export function enteredWholeNumber(data: Record<string, unknown>, key: string): number | undefined {
  const text = typedString(data, key).trim();
  return /^\d{1,3}$/.test(text) ? Number(text) : undefined;
}
