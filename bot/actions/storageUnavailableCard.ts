import type { AdaptiveCardInvokeResponse } from "botbuilder";
import { buildNoticeCard } from "../../cards/noticeCard";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import { enteredString } from "./enteredText";
import { cardResponse } from "./cardResponse";

/** Keys a card puts in its data to say what it is about; everything else was typed or chosen. */
const CARD_IDENTITY_KEYS = new Set(["assessmentId", "areaNumber", "statementId", "verb"]);

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
  const typed = Object.keys(record)
    .filter((key) => !CARD_IDENTITY_KEYS.has(key))
    .map((key) => enteredString(record, key))
    .filter((text) => text.trim() !== "");
  return buildNoticeCard({
    title: "Your answer was NOT saved",
    lines: [
      "The bot's storage is not answering, so nothing was saved. Please press the button again in a minute.",
      ...(typed.length > 0 ? ["What you entered, so you can copy it:", ...typed] : []),
    ],
    tone: "warning",
  });
}
