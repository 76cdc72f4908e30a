import * as AdaptiveCards from "adaptivecards";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import { createCardWindow, withDomGlobals } from "./domGlobals";
import { freezeFormState } from "./freezeFormState";
import { teamsMarkdownToHtml } from "./teamsMarkdown";
import teamsHostConfig from "./teamsHostConfig.json";

/**
 * Teams-like light theme. Spacing, font sizes and weights follow the "Microsoft Teams – Light" host
 * config of the Adaptive Cards designer (microsoft/AdaptiveCards, adaptivecards-designer); the
 * colours are Teams' Fluent light theme (text #242424, brand #6264a7, attention #c4314b), with the
 * darker Fluent green and amber because the designer's #92c353 / #f8d22a are hard to read on white.
 */
const HOST_CONFIG = new AdaptiveCards.HostConfig(teamsHostConfig);

export interface CardProblem {
  severity: "error" | "warning";
  message: string;
}

export interface RenderedCard {
  html: string;
  problems: CardProblem[];
}

/**
 * Messages the generic renderer raises for features Teams supports on 1.5 cards: the people picker
 * (Input.ChoiceSet with `choices.data` = Data.Query, and so no static choices). Shown as warnings.
 */
const TEAMS_ONLY_FEATURES = [
  'Property "choices.data" is supported in version 1.6',
  "must have at least one choice defined",
];

const WARNING_EVENTS: ReadonlySet<AdaptiveCards.ValidationEvent> = new Set([
  AdaptiveCards.ValidationEvent.Hint,
  AdaptiveCards.ValidationEvent.Deprecated,
]);

/** One DOM for a whole gallery: creating a jsdom window per card would dominate the run time. */
export function createCardRenderer(): (card: AdaptiveCard) => RenderedCard {
  const window = createCardWindow();
  return (card) => withDomGlobals(window, () => renderOne(card));
}

function renderOne(json: AdaptiveCard): RenderedCard {
  const previousMarkdown = AdaptiveCards.AdaptiveCard.onProcessMarkdown;
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = teamsMarkdownToHtml(text);
    result.didProcess = true;
  };
  try {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = HOST_CONFIG;
    const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
    card.parse(json, context);
    const parseEvents = Array.from({ length: context.eventCount }, (_, index) => context.getEventAt(index));
    const problems = [...parseEvents, ...card.validateProperties().validationEvents].map(classify);
    const element = card.render();
    if (!element)
      return { html: "", problems: [...problems, { severity: "error", message: "the renderer produced no HTML" }] };
    freezeFormState(element);
    return { html: element.outerHTML, problems };
  } finally {
    AdaptiveCards.AdaptiveCard.onProcessMarkdown = previousMarkdown;
  }
}

function classify(event: AdaptiveCards.IValidationEvent): CardProblem {
  const teamsOnly = TEAMS_ONLY_FEATURES.some((known) => event.message.includes(known));
  const severity = teamsOnly || WARNING_EVENTS.has(event.event) ? "warning" : "error";
  return { severity, message: teamsOnly ? `${event.message} (a Teams-only feature: fine in Teams)` : event.message };
}
