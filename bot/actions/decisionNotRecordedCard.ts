import { buildNoticeCard } from "../../cards/noticeCard";

/**
 * The moderation actions' refusal (decision, global score, bulk accept): what was not recorded and
 * why, with what the lead typed given back so nothing written in the meeting is lost.
 */
export function decisionNotRecordedCard(
  title: string,
  message: string,
  typed: ReadonlyArray<{ label: string; text: string }> = [],
) {
  const kept = typed.filter((field) => field.text.trim() !== "");
  return buildNoticeCard({
    title,
    lines: [message, ...(kept.length > 0 ? ["What you typed is below, so you can copy it."] : [])],
    facts: kept.map((field) => ({ title: field.label, value: field.text })),
    tone: "warning",
  });
}
