/**
 * The Markdown subset Teams renders in Adaptive Card TextBlocks (bold, italic, links), as HTML.
 * The adaptivecards package has no Markdown of its own; without this the gallery would show raw
 * `**` where Teams shows bold. Text is escaped first: card text includes what members typed.
 */
export function teamsMarkdownToHtml(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[\s(])_(.+?)_(?=$|[\s).,;:!?])/g, "$1<em>$2</em>")
    .replace(/\[([^\]]+)\]\((https:\/\/[^\s)]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\n/g, "<br>");
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
