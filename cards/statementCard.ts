import template from "./templates/statementCard.json";
import { expandTemplate, type AdaptiveCard } from "./expandTemplate";
import { answerFormFields } from "./answerFormFields";
import type { Framework, Statement, Area } from "../assessment/framework/frameworkSchema";
import { plural } from "../assessment/text/plural";

/** Teams refreshes a card automatically for at most 60 listed users; others use "Show my answer". */
export const MAX_REFRESH_USER_IDS = 60;

export interface StatementCardData {
  framework: Framework;
  assessmentId: string;
  area: Area;
  statement: Statement;
  answeredCount: number;
  closed: boolean;
  /** Teams user ids (29:…) who get their own view automatically (capped at MAX_REFRESH_USER_IDS). */
  refreshUserIds: readonly string[];
  /** The viewer's own answer, or what they typed when a submission was refused. */
  entered?: { rating?: string; evidence?: string; ideas?: string };
  saved?: string;
  error?: string;
}

/** One statement as its own card: the base card in the channel, or one member's own view of it. */
export function buildStatementCard(data: StatementCardData): AdaptiveCard {
  const hasOwnAnswer = Boolean(data.saved);
  return expandTemplate(template, {
    ...answerFormFields(data, data.entered),
    // What the buttons send back to say which statement they belong to: one expression, not three each.
    cardIdentity: {
      assessmentId: data.assessmentId,
      areaNumber: String(data.area.number),
      statementId: data.statement.id,
    },
    prompt: data.framework.statementPrompt,
    closed: data.closed,
    error: data.error ?? "",
    saved: data.saved ?? "",
    submitTitle: hasOwnAnswer ? "Update my answer" : "Save my answer",
    progress: `${plural(data.answeredCount, "person has", "people have")} answered. Ratings stay private until moderation.`,
    refreshUserIds: data.refreshUserIds.slice(0, MAX_REFRESH_USER_IDS),
  });
}
