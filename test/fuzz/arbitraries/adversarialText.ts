import fc from "fast-check";

/**
 * Pieces of text that have broken (or could break) something on the way from a card to a table:
 * Azure's forbidden key characters and our own key escape, OData filter injection, Adaptive Card
 * template expressions (cards are expanded with adaptivecards-templating), HTML/Markdown, prototype
 * keys, and the Unicode corners (lone surrogates, bidi overrides, zero-width, combining marks).
 */
export const NASTY_SNIPPETS: readonly string[] = [
  "/",
  "\\",
  "#",
  "?",
  "~",
  "~0041",
  "|",
  "%00",
  "%2F",
  "'",
  '"',
  "`",
  "' or 1 eq 1",
  "' or ''='",
  "PartitionKey eq 'x'",
  ") or (RowKey ne '",
  "${1+1}",
  "${$root.assessmentId}",
  "${title}",
  "${if(true, 'a', 'b')}",
  "${json($root)}",
  "$data",
  "{{DATE(2017-02-14T06:08:39Z, SHORT)}}",
  "<script>alert(1)</script>",
  "<at>Lee Lead</at>",
  "<img src=x onerror=alert(1)>",
  "**bold** _it_ [link](https://example.org)",
  "&nbsp;",
  "&amp;",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "\u0000",
  "\u0001",
  "\u0008",
  "\u000b",
  "\u001b[31m",
  "\u001f",
  "\u007f",
  "\u0085",
  "\r\n",
  "\t",
  "\n",
  "\u202e",
  "\u200b",
  "\u200d",
  "\u2028",
  "\ufeff",
  "\u00a0",
  "e\u0301\u0301\u0301",
  "\u0645\u0631\u062d\u0628\u0627",
  "\ud800",
  "\udfff",
  "\udbff\udbff",
  "\ud83d\ude00",
  "👩‍👧‍👦",
  "🏳️‍🌈",
  "𝕏",
  "null",
  "undefined",
  "NaN",
  "true",
  "-0",
  "1e309",
  "",
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
const controlCharacter = fc.integer({ min: 0, max: 0x1f }).map((unit) => String.fromCharCode(unit));

/** One fragment: a nasty snippet, a control char, a lone surrogate, or random (any-plane) text. */
const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_SNIPPETS) },
  { weight: 1, arbitrary: controlCharacter },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 20 }) },
);

/** A short adversarial text: a mix of fragments. */
export const shortAdversarialText: fc.Arbitrary<string> = fc
  .array(fragment, { maxLength: 10 })
  .map((parts) => parts.join(""));

/**
 * A huge text (about 4 K to 50 K UTF-16 units; up to ~300 KB as JSON when every unit is escaped)
 * built from one fragment repeated and a tail, so it crosses every length limit: evidence 4,000,
 * ideas/rationale 2,000, the 12,000 echo cut, and Azure's 32 K-unit string property. Three of them
 * in one payload stay under the bot's 1 MiB body limit (a bigger body gets restify's 413, before
 * any bot code runs).
 */
export const hugeText: fc.Arbitrary<string> = fc
  .tuple(
    fragment.filter((text) => text.length > 0),
    fc.integer({ min: 3_900, max: 50_000 }),
    shortAdversarialText,
  )
  .map(([unit, length, tail]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + tail);

/**
 * Mostly invisible: 3,900–13,000 units of characters the answer schema strips or trims (NUL and
 * other controls, blanks), then visible text — so the limits must be checked on the whole text
 * after cleaning, never on a cut copy.
 */
export const paddedText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("\u0000", "\u001f", "\u007f", " ", "\t", "\u000b", "\r\n", "\u3000"),
    fc.integer({ min: 3_900, max: 13_000 }),
    shortAdversarialText,
    fc.boolean(),
  )
  .map(([unit, length, visible, before]) => (before ? unit.repeat(length) + visible : visible + unit.repeat(length)));

/** Text right at a limit: n characters of one fragment, n near the given limits (±2). */
export function textNearLimits(limits: readonly number[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...limits),
      fc.integer({ min: -2, max: 2 }),
      fc.constantFrom("a", "é", " ", "\u0000", "\ud83d\ude00", "${x}"),
    )
    .map(([limit, delta, unit]) => unit.repeat(Math.max(0, limit + delta)).slice(0, Math.max(0, limit + delta)));
}

/** Any adversarial string: mostly short mixes, sometimes near a limit, sometimes huge. */
export function adversarialText(limits: readonly number[] = [2_000, 4_000, 12_000]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: shortAdversarialText },
    { weight: 2, arbitrary: textNearLimits(limits) },
    { weight: 1, arbitrary: hugeText },
    { weight: 1, arbitrary: paddedText },
  );
}
