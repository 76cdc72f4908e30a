import type { AdaptiveCardInvokeResponse } from "botbuilder";
import type { AdaptiveCard } from "../../cards/expandTemplate";

/** Every Action.Execute answer is HTTP 200 with a card: a non-200 makes Teams show a generic error and drop what was typed. */
export function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: "application/vnd.microsoft.card.adaptive",
    value: card,
  };
}
