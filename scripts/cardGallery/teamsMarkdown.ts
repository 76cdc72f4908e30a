/**
 * The Markdown subset Teams renders in Adaptive Card TextBlocks (bold, italic, links), as HTML.
 * The adaptivecards package has no Markdown of its own; without this the gallery would show raw
 * `**` where Teams shows bold. Text is escaped first: card text includes what members typed.
 */
export function teamsMarkdownToHtml(text: string): string {
  // CommonMark backslash escapes (how cards show members' text literally): set the escaped
  // characters aside so no rule below sees them, and put them back as plain text at the end.
  const escaped: string[] = [];
  const marked = text.replace(
    /\\([!-/:-@[-`{-~])/g,
    (_match, character: string) => `\u0000${escaped.push(character) - 1}\u0000`,
  );
  return (
    escapeHtml(marked)
      .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|[\s(])_(.+?)_(?=$|[\s).,;:!?])/g, "$1<em>$2</em>")
      .replace(/\[([^\]]+)\]\((https:\/\/[^\s)]+)\)/g, '<a href="$2">$1</a>')
      .replace(/\n/g, "<br>")
      // eslint-disable-next-line no-control-regex -- NUL delimits the placeholders: typed text can never contain one.
      .replace(/\u0000(\d+)\u0000/g, (_match, index: string) => escapeHtml(escaped[Number(index)] ?? ""))
  );
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
