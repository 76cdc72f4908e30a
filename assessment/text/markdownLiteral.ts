/**
 * Bidirectional-text controls: the embeddings and overrides (U+202A–202E), the isolates
 * (U+2066–2069), the implicit marks (U+200E, U+200F, U+061C). In someone else's card they can
 * reorder what a reader sees (an override makes "evil.example/moc.knab" read as a bank's address).
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Characters that start or end Markdown anywhere in a line: emphasis, links, autolinks, entities, code, strikethrough. */
const INLINE_MARKUP = /[\\`*_[\]()<>&~|!]/g;

/** At a line's start (after indentation): headings, quotes, list items ("- ", "+ ", "1. ", "1) "), setext underlines. */
const LINE_START_MARKUP = /^([ \t]*)([#>+=-]|\d+(?=[.)]))/gm;

/**
 * Text a person typed, made safe to place in an Adaptive Card's Markdown (TextBlock text, Fact
 * values): it renders as written, never as bold, a link or a list. Backslash escapes are
 * CommonMark's, which Teams' card Markdown follows; bidi controls are removed. Use it for words
 * people wrote (evidence, ideas, rationales, names, channel names), never for the bot's own
 * Markdown, and only for cards: documents and data exports keep the raw text.
 */
export function markdownLiteral(text: string): string {
  return text
    .replace(BIDI_CONTROLS, "")
    .replace(INLINE_MARKUP, "\\$&")
    .replace(LINE_START_MARKUP, (_match, indent: string, marker: string) =>
      /^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
    );
}
