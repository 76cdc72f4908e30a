/** Every Action.Execute in the cards, wherever it sits (action sets, show-cards, containers). */
export function executeActions(cards: readonly unknown[]): Array<{ verb: string; data: Record<string, unknown> }> {
  const found: Array<{ verb: string; data: Record<string, unknown> }> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const element = node as Record<string, unknown>;
    if (element["type"] === "Action.Execute" && typeof element["verb"] === "string")
      found.push({ verb: element["verb"], data: (element["data"] ?? {}) as Record<string, unknown> });
    Object.values(element).forEach(visit);
  };
  visit(cards);
  return found;
}
