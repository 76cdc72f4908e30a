/**
 * An Adaptive Card as a person reads it, in Markdown: headings, text, facts, inputs with what they
 * are set to, and the buttons. Enough to read a digest outside Teams, not a full renderer.
 */
export function renderCardMarkdown(card: Record<string, unknown>): string {
  const lines: string[] = [];
  renderElements(card["body"], lines);
  const buttons = actionTitles(card["actions"]);
  if (buttons.length > 0) lines.push("", buttons.map((title) => `[${title}]`).join(" "));
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

function renderElements(elements: unknown, lines: string[]): void {
  if (!Array.isArray(elements)) return;
  for (const element of elements) {
    if (element && typeof element === "object") renderElement(element as Record<string, unknown>, lines);
  }
}

function renderElement(element: Record<string, unknown>, lines: string[]): void {
  const text = (key: string) => (typeof element[key] === "string" ? element[key] : "");
  switch (element["type"]) {
    case "TextBlock":
      lines.push(
        element["style"] === "heading"
          ? `\n### ${text("text")}\n`
          : element["weight"] === "Bolder"
            ? `\n**${text("text")}**`
            : text("text"),
      );
      return;
    case "FactSet":
      for (const fact of Array.isArray(element["facts"]) ? (element["facts"] as Array<Record<string, unknown>>) : [])
        lines.push(`- ${String(fact["title"])}: ${String(fact["value"])}`);
      return;
    case "Input.ChoiceSet":
    case "Input.Text":
      lines.push(`> _${text("label") || text("id")}:_ ${text("value") || "(empty)"}`);
      return;
    case "ActionSet":
      lines.push(
        actionTitles(element["actions"])
          .map((title) => `[${title}]`)
          .join(" "),
      );
      return;
    case "Table":
      (Array.isArray(element["rows"]) ? (element["rows"] as Array<Record<string, unknown>>) : []).forEach(
        (row, index) => {
          const cells = cellTexts(row);
          lines.push(`| ${cells.join(" | ")} |`);
          if (index === 0) lines.push(`|${cells.map(() => "---|").join("")}`);
        },
      );
      return;
    default:
      if (element["separator"] === true) lines.push("", "---");
      renderElements(element["items"], lines);
  }
}

function cellTexts(row: Record<string, unknown>): string[] {
  const cells = Array.isArray(row["cells"]) ? (row["cells"] as Array<Record<string, unknown>>) : [];
  return cells.map((cell) => {
    const cellLines: string[] = [];
    renderElements(cell["items"], cellLines);
    return cellLines.join(" ").replace(/\s+/g, " ").replace(/\*\*/g, "").trim();
  });
}

function actionTitles(actions: unknown): string[] {
  return Array.isArray(actions)
    ? (actions as Array<Record<string, unknown>>).map((action) => {
        const label = action["title"] ?? action["verb"];
        return typeof label === "string" ? label : "";
      })
    : [];
}
