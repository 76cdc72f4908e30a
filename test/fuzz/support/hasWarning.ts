/**
 * What a person sees in a card the bot answered with: a warning (a refusal notice's title, or the
 * "⚠" error line of a re-rendered statement/score card) is the observable "this was not accepted".
 */
export function hasWarning(card: unknown): boolean {
  if (Array.isArray(card)) return card.some(hasWarning);
  if (!card || typeof card !== "object") return false;
  const element = card as Record<string, unknown>;
  const isWarningText =
    element["type"] === "TextBlock" &&
    (element["color"] === "Warning" || element["color"] === "Attention") &&
    typeof element["text"] === "string" &&
    element["text"].trim() !== "";
  return isWarningText || Object.values(element).some(hasWarning);
}
