/**
 * The valid payloads of the cards the bot really posted: for each Action.Execute, its `data` plus
 * the inputs Teams would merge in (choice sets with their choices, text inputs to fill). The fuzzer
 * starts from these, so mutated payloads stay close to what Teams sends.
 */
export interface CardActionTemplate {
  verb: string;
  fixed: Readonly<Record<string, unknown>>;
  /** Input.ChoiceSet id → the values it offers. */
  choices: Readonly<Record<string, readonly string[]>>;
  /** Input.Text ids. */
  texts: readonly string[];
}

interface CardParts {
  actions: Array<{ verb: string; data: Record<string, unknown>; withInputs: boolean }>;
  choices: Record<string, string[]>;
  texts: string[];
}

function collect(node: unknown, parts: CardParts): void {
  if (Array.isArray(node)) {
    for (const child of node) collect(child, parts);
    return;
  }
  if (!node || typeof node !== "object") return;
  const element = node as Record<string, unknown>;
  const id = typeof element["id"] === "string" ? element["id"] : undefined;
  if (element["type"] === "Action.Execute" && typeof element["verb"] === "string") {
    const data =
      element["data"] && typeof element["data"] === "object" ? (element["data"] as Record<string, unknown>) : {};
    parts.actions.push({ verb: element["verb"], data, withInputs: element["associatedInputs"] !== "none" });
  } else if (element["type"] === "Input.ChoiceSet" && id) {
    const choices = Array.isArray(element["choices"]) ? (element["choices"] as Array<{ value?: unknown }>) : [];
    if (choices.length > 0) parts.choices[id] = choices.map((choice) => String(choice.value));
  } else if (element["type"] === "Input.Text" && id) {
    parts.texts.push(id);
  }
  for (const value of Object.values(element)) collect(value, parts);
}

/** One template per distinct (verb, data) of the given cards; `refresh` actions count too. */
export function cardActionTemplates(cards: readonly unknown[]): CardActionTemplate[] {
  const templates = new Map<string, CardActionTemplate>();
  for (const card of cards) {
    const parts: CardParts = { actions: [], choices: {}, texts: [] };
    collect(card, parts);
    for (const action of parts.actions) {
      const key = JSON.stringify([action.verb, action.data, action.withInputs]);
      templates.set(key, {
        verb: action.verb,
        fixed: action.data,
        choices: action.withInputs ? parts.choices : {},
        texts: action.withInputs ? [...new Set(parts.texts)] : [],
      });
    }
  }
  return [...templates.values()];
}
