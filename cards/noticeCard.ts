import template from "./templates/noticeCard.json";
import { expandTemplate, type AdaptiveCard } from "./expandTemplate";

export interface NoticeCardData {
  title: string;
  lines: readonly string[];
  facts?: ReadonlyArray<{ title: string; value: string }>;
  tone?: "default" | "good" | "attention" | "warning";
}

/** A short titled message: confirmations, refusals and explanations share this one card. */
export function buildNoticeCard(data: NoticeCardData): AdaptiveCard {
  const colors = { default: "Default", good: "Good", attention: "Attention", warning: "Warning" } as const;
  return expandTemplate(template, {
    title: data.title,
    color: colors[data.tone ?? "default"],
    lines: [...data.lines],
    facts: [...(data.facts ?? [])],
  });
}
