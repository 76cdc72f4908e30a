/**
 * What Teams sends back when someone presses an Action.Execute button on a card the bot posted:
 * the action's verb, its `data`, and (unless `associatedInputs` is "none") the card's input
 * values merged over it, with whatever the person typed or chose replacing the defaults.
 */
export interface ExecuteAction {
  verb: string;
  data: Record<string, unknown>;
  sendsInputs: boolean;
}

/** Every Action.Execute button on the card (card actions and ActionSets), not the refresh action. */
export function executeActions(card: Record<string, unknown>): ExecuteAction[] {
  const found: ExecuteAction[] = [];
  const visit = (node: unknown, key: string | undefined): void => {
    if (Array.isArray(node))
      node.forEach((item) => {
        visit(item, key);
      });
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (record["type"] === "Action.Execute" && typeof record["verb"] === "string" && key !== "refresh") {
        const data =
          record["data"] && typeof record["data"] === "object" ? (record["data"] as Record<string, unknown>) : {};
        found.push({ verb: record["verb"], data, sendsInputs: record["associatedInputs"] !== "none" });
      }
      for (const [childKey, value] of Object.entries(record)) visit(value, childKey);
    }
  };
  visit(card, undefined);
  return found;
}

/** The card's inputs with the values they show (ids without a value are left out, as Teams does). */
export function cardInputValues(card: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      const type = record["type"];
      if (
        typeof type === "string" &&
        type.startsWith("Input.") &&
        typeof record["id"] === "string" &&
        typeof record["value"] === "string" &&
        record["value"] !== ""
      ) {
        values[record["id"]] = record["value"];
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(card);
  return values;
}

/**
 * The invoke data for pressing the `verb` button whose data matches `match` (e.g. the statement id
 * of one digest section), after the person filled in `typed`. Throws when the card has no such
 * button: a demo or test must not quietly invent an action the card does not offer.
 */
export function pressCardAction(
  card: Record<string, unknown>,
  verb: string,
  typed: Record<string, string> = {},
  match: Record<string, string> = {},
): { verb: string; data: Record<string, unknown> } {
  const action = executeActions(card).find(
    (candidate) =>
      candidate.verb === verb && Object.entries(match).every(([key, value]) => candidate.data[key] === value),
  );
  if (!action) throw new Error(`the card has no ${verb} button matching ${JSON.stringify(match)}`);
  return {
    verb,
    data: action.sendsInputs ? { ...action.data, ...cardInputValues(card), ...typed } : { ...action.data },
  };
}
