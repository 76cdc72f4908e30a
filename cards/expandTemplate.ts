import * as ACData from "adaptivecards-templating";

/** An Adaptive Card as Teams receives it (schema 1.5); structure checked by the card tests. */
export interface AdaptiveCard {
  type: "AdaptiveCard";
  version: string;
  body: unknown[];
  [property: string]: unknown;
}

/**
 * Expands a card template with typed data. Templates are imported JSON (loaded once when the
 * module loads), and each card has one typed builder that calls this, so no caller ever sees `any`.
 */
export function expandTemplate(template: object, data: object): AdaptiveCard {
  const expanded: unknown = parsedTemplate(template).expand({ $root: data });
  if (!isAdaptiveCard(expanded)) {
    throw new Error("Card template did not expand to an AdaptiveCard");
  }
  return expanded;
}

/** Parsing a template is a quarter of the CPU of a busy turn (measured in the demo); each is parsed once. */
const parsedTemplates = new WeakMap<object, ACData.Template>();

function parsedTemplate(template: object): ACData.Template {
  let parsed = parsedTemplates.get(template);
  if (!parsed) {
    parsed = new ACData.Template(template);
    parsedTemplates.set(template, parsed);
  }
  return parsed;
}

function isAdaptiveCard(value: unknown): value is AdaptiveCard {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { type?: unknown }).type === "AdaptiveCard" &&
    Array.isArray((value as { body?: unknown }).body)
  );
}
