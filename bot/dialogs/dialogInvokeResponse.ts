import type { TurnContext } from "botbuilder";
import type { AdaptiveCard } from "../../cards/expandTemplate";

/**
 * A dialog step that handles a card action hands the card it wants shown back through turn state;
 * assignCardAction then answers the invoke with it (dialog steps can't return invoke bodies).
 */
const KEY = Symbol("dialogInvokeResponse");

export function setDialogInvokeResponse(turn: TurnContext, card: AdaptiveCard): void {
  turn.turnState.set(KEY, card);
}

export function takeDialogInvokeResponse(turn: TurnContext): AdaptiveCard | undefined {
  const card = turn.turnState.get<AdaptiveCard | undefined>(KEY);
  turn.turnState.delete(KEY);
  return card;
}
