import template from "./templates/reRatingCard.json";
import { expandTemplate, type AdaptiveCard } from "./expandTemplate";
import { MAX_REFRESH_USER_IDS } from "./statementCard";
import { ratingBar } from "./ratingBar";
import { answerFormFields } from "./answerFormFields";
import type { Answer } from "../assessment/answers/answer";
import type { Area, Framework, RatingValue, Statement } from "../assessment/framework/frameworkSchema";
import { countRatings, distributionInWords } from "../assessment/consensus/ratingDistribution";
import { markdownLiteral } from "../assessment/text/markdownLiteral";
import { plural } from "../assessment/text/plural";

/**
 * The group's reasons share the card with the member's own inputs (up to 6,000 characters) under
 * Teams' ~28 KB: measured as the UTF-8 bytes of their JSON, so escapes and non-Latin text count as sent.
 */
const REASONS_MAX_BYTES = 10_000;

export interface ReRatingCardData {
  framework: Framework;
  assessmentId: string;
  area: Area;
  statement: Statement;
  /** The round being answered (2 after the first send-back). */
  round: number;
  /** The group's answers as they stood at the end of the round before: shown without names. */
  previousAnswers: readonly Pick<Answer, "rating" | "evidence">[];
  closed: boolean;
  /** Teams ids (29:…) of those who answered, who see their own view automatically. */
  refreshUserIds: readonly string[];
  /** The viewer's own view: their rating the round before and what the inputs show. */
  mine?: {
    earlierRating: RatingValue;
    entered: { rating: string; evidence: string; ideas: string };
    saved?: string;
    error?: string;
  };
}

const RATINGS: readonly RatingValue[] = [4, 3, 2, 1];

/**
 * A flagged statement sent back to the group, posted once in the statement's thread: where the group
 * stood after the round before (the distribution, and the evidence given under each rating, without
 * names), and — in each member's own view, by refresh — their earlier rating and evidence ready to
 * confirm or change.
 */
export function buildReRatingCard(data: ReRatingCardData): AdaptiveCard {
  const { framework, mine } = data;
  const distribution = countRatings(data.previousAnswers.map((answer) => answer.rating));
  const label = (rating: RatingValue) => framework.scale.find((level) => level.value === rating)?.shortLabel ?? "";
  const { reasons, omitted } = reasonsWithinBudget(data.previousAnswers, label);
  return expandTemplate(template, {
    ...answerFormFields(data, mine?.entered),
    round: String(data.round),
    intro: `Your lead sent this statement back because the group's ratings disagree. This is where the group stood after round ${data.round - 1}, without names. Look at the reasons, then confirm your rating or change it.`,
    distributionLine: `Round ${data.round - 1}: ${distributionInWords(distribution, framework.scale)} (${plural(data.previousAnswers.length, "answer")})`,
    bar: ratingBar(distribution),
    reasons,
    omitted: omitted === 0 ? "" : `${plural(omitted, "longer reason does", "longer reasons do")} not fit on this card.`,
    closed: data.closed,
    mine: mine !== undefined,
    earlierLine: mine
      ? `Your rating in round ${data.round - 1}: ${mine.earlierRating} · ${label(mine.earlierRating)}`
      : "",
    confirmTitle: mine ? `Keep my rating (${mine.earlierRating})` : "",
    saved: mine?.saved ?? "",
    error: mine?.error ?? "",
    refreshUserIds: data.refreshUserIds.slice(0, MAX_REFRESH_USER_IDS),
  });
}

/** The evidence under each rating (highest first), shortest first within a rating so more reasons fit. */
function reasonsWithinBudget(
  answers: readonly Pick<Answer, "rating" | "evidence">[],
  label: (rating: RatingValue) => string,
): { reasons: Array<{ heading: string; texts: string[] }>; omitted: number } {
  let budget = REASONS_MAX_BYTES;
  let omitted = 0;
  const reasons = RATINGS.flatMap((rating) => {
    const given = answers.filter((answer) => answer.rating === rating);
    if (given.length === 0) return [];
    const texts: string[] = [];
    for (const evidence of given
      .map((answer) => answer.evidence.trim())
      .filter((text) => text !== "")
      .sort(byLength)) {
      const text = markdownLiteral(evidence);
      const bytes = Buffer.byteLength(JSON.stringify(text), "utf8");
      if (bytes > budget) omitted += 1;
      else {
        budget -= bytes;
        texts.push(text);
      }
    }
    const heading = `Rated ${rating} · ${label(rating)} (${plural(given.length, "person", "people")})${texts.length === 0 ? ": no evidence given" : ""}`;
    return [{ heading, texts }];
  });
  return { reasons, omitted };
}

function byLength(a: string, b: string): number {
  return a.length - b.length || a.localeCompare(b);
}
