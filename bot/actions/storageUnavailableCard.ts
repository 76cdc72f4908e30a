import type { AdaptiveCardInvokeResponse } from "botbuilder";
import { buildNoticeCard } from "../../cards/noticeCard";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import { ANSWER_LIMITS } from "../../assessment/answers/answerLimits";
import { enteredText } from "./enteredText";
import { cardResponse } from "./cardResponse";

/** Keys a card puts in its data to say what it is about; everything else was typed or chosen. */
const CARD_IDENTITY_KEYS = new Set(["assessmentId", "areaNumber", "statementId", "verb"]);
/**
 * All the echoed text together: as much as one statement card's inputs hold (evidence + ideas), so
 * this card stays under Teams' ~28 KB whatever a forged payload carries, in keys or in length.
 */
const ECHO_BUDGET_CHARS = ANSWER_LIMITS.evidenceMaxChars + ANSWER_LIMITS.ideasMaxChars;

/** The invoke answer for a card action that failed because storage is unreachable. */
export function storageUnavailableResponse(actionData: unknown): AdaptiveCardInvokeResponse {
  return cardResponse(storageUnavailableCard(actionData));
}

/**
 * Storage went away before the card's own handler could build its answer (reading the dialog
 * state, the assessment or the assignment): Teams still needs a card, and what the person typed
 * must come back to them, because nothing of it was kept.
 */
export function storageUnavailableCard(data: unknown): AdaptiveCard {
  const record = data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const typed: string[] = [];
  let left = ECHO_BUDGET_CHARS;
  let cut = false;
  for (const key of Object.keys(record).filter((candidate) => !CARD_IDENTITY_KEYS.has(candidate))) {
    const entered = enteredText(record, key, left);
    if (entered.text.trim() !== "") typed.push(entered.text);
    left -= entered.text.length;
    cut ||= entered.cut;
  }
  return buildNoticeCard({
    title: "Your answer was NOT saved",
    lines: [
      "The bot's storage is not answering, so nothing was saved. Please press the button again in a minute.",
      ...(typed.length > 0 ? ["What you entered, so you can copy it:", ...typed] : []),
      ...(cut
        ? [`Only the first ${ECHO_BUDGET_CHARS.toLocaleString("en-GB")} characters of what you entered are shown here.`]
        : []),
    ],
    tone: "warning",
  });
}
