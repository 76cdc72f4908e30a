import { withoutControlCharacters } from "../../assessment/answers/answer";

/**
 * What the member typed, read loosely so it can always be given back to them — even when the
 * submission is refused — but never more than the card's own input accepts (its maxLength): Teams'
 * inputs stop there, so only a forged payload is longer, and an echo of it must still fit Teams'
 * ~28 KB card limit (/work/shared/TEAMS-FACTS.md; Microsoft's Teams connector documents "about 28 KB":
 * https://learn.microsoft.com/connectors/teams/#known-issues-and-limitations). Control characters
 * are dropped (storage drops them too, and JSON spells each as six bytes).
 */
export interface EnteredText {
  text: string;
  /** The typed text was longer than `maxChars`: the card should say only the start is shown. */
  cut: boolean;
}

export function enteredText(data: Record<string, unknown>, key: string, maxChars: number): EnteredText {
  const whole = withoutControlCharacters(typedString(data, key));
  if (whole.length <= maxChars) return { text: whole, cut: false };
  // Never split a surrogate pair: half an emoji would be sent as an unpaired \ud83d escape.
  const end = /[\ud800-\udbff]/.test(whole.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
  return { text: whole.slice(0, end), cut: true };
}

/** A choice's value (a rating, a score) as sent, for the echo: real values are a few characters. */
export function enteredChoice(data: Record<string, unknown>, key: string): string {
  return enteredText(data, key, CHOICE_ECHO_MAX_CHARS).text;
}
const CHOICE_ECHO_MAX_CHARS = 16;

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
