import template from "./templates/confirmCard.json";
import { expandTemplate, type AdaptiveCard } from "./expandTemplate";

export interface ConfirmCardData {
  title: string;
  lines: readonly string[];
  confirmTitle: string;
  verb: "confirmReassign" | "confirmForget";
  /** Ties the answer to the question asked, so an old confirmation card can't confirm a new question. */
  token: string;
}

/** Asks before anything hard to undo (moving an area with answers, erasing a person's data). */
export function buildConfirmCard(data: ConfirmCardData): AdaptiveCard {
  return expandTemplate(template, { ...data, lines: [...data.lines] });
}
