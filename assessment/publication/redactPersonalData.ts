/** What replaces a name, e-mail address or phone number in the publication copy. */
export const REDACTED = "[removed]";

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/**
 * UK numbers as people type them: 0 or +44 (optionally "+44 (0)"), then 9–10 more digits with
 * spaces, hyphens or brackets between them: "01632 960 123", "(01632) 960123", "+44 7700 900123".
 */
const UK_PHONE = /(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d(?:[\s\-)]{0,2}\d){8,9}(?!\d)/g;

/** A text-redacting function for one set of people's names. */
export type Redactor = (text: string) => string;

/**
 * Redacts e-mail addresses, UK phone numbers and the given people's names: each full name (any
 * case), and each part of a name of two letters or more as a capitalised word ("Priya",
 * "Okafor"), so "spoke to Priya" and "Ms Okafor" go too. Capitalised only for single parts, so a
 * member called Hope does not remove every "hope" in the evidence. It cannot know names the bot
 * was never given (a young person's, say): the publication copy still needs a human read.
 */
export function personalDataRedactor(names: readonly string[]): Redactor {
  const full = unique(names.map((name) => name.trim()).filter((name) => name.length >= 2));
  const parts = unique(
    full.flatMap((name) => name.split(/[\s,]+/)).filter((part) => part.length >= 2 && /^\p{Lu}/u.test(part)),
  );
  const fullPattern = wordPattern(full, "giu");
  const partPattern = wordPattern(parts, "gu");
  return (text) => {
    let result = text.replace(EMAIL, REDACTED).replace(UK_PHONE, REDACTED);
    if (fullPattern) result = result.replace(fullPattern, REDACTED);
    if (partPattern) result = result.replace(partPattern, REDACTED);
    return result;
  };
}

/** Longest first, so "Sam Lee" is removed whole before "Sam" is tried. */
function wordPattern(words: readonly string[], flags: string): RegExp | undefined {
  if (words.length === 0) return undefined;
  const alternatives = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, flags);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
