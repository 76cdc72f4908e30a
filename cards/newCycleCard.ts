import template from "./templates/newCycleCard.json";
import { expandTemplate, type AdaptiveCard } from "./expandTemplate";

export interface NewCycleCardData {
  title: string;
  /** What closes and what stays behind with it. */
  lines: readonly string[];
  /** One per area carried over, in area order (text already escaped for Markdown). */
  groups: readonly { area: string; channel: string; leads: string }[];
  /** Areas that will not carry over, and why. */
  leftBehind: readonly string[];
  /** The assessment the proposal closes: a card from before another `new cycle` confirms nothing. */
  assessmentId: string;
}

/** The coordinator's `new cycle` proposal: what closes, which groups carry over, and Start / Cancel. */
export function buildNewCycleCard(data: NewCycleCardData): AdaptiveCard {
  return expandTemplate(template, {
    ...data,
    lines: [...data.lines],
    groups: [...data.groups],
    leftBehind: [...data.leftBehind],
  });
}
