import type { Answer } from "../../assessment/answers/answer";
import type { Area, Statement } from "../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import { answerInRound, answersAsOfRound } from "../../assessment/rounds/answerInRound";
import { formatDateTime } from "../../assessment/time/formatDates";
import { buildReRatingCard } from "../../cards/reRatingCard";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import type { Ports } from "../app/botServices";

export interface ReRatingSubject {
  assignment: AreaAssignment;
  area: Area;
  statement: Statement;
  round: number;
  /** The statement's answers now (every round's, on each answer). */
  answers: readonly Answer[];
}

/**
 * The two views of a re-rating card, as for statement cards: the one posted in the thread (the group's
 * ratings and reasons from the round before, no names, no one's own rating) and one member's own view.
 */
export function reRatingBaseCard(services: Ports<"framework">, subject: ReRatingSubject): AdaptiveCard {
  const previous = answersAsOfRound(subject.answers, subject.round - 1);
  return buildReRatingCard({
    ...common(services, subject),
    previousAnswers: previous,
    refreshUserIds: previous.map((answer) => answer.respondent.teamsUserId),
  });
}

/** One member's view: their rating the round before, prefilled with their latest answer (or what they typed). */
export function reRatingOwnView(
  services: Ports<"framework">,
  subject: ReRatingSubject,
  view: {
    aadObjectId: string;
    timeZone: string;
    entered?: { rating: string; evidence: string; ideas: string };
    error?: string;
  },
): AdaptiveCard {
  const own = subject.answers.find((answer) => answer.respondent.aadObjectId === view.aadObjectId);
  const earlier = own ? answerInRound(own, subject.round - 1) : undefined;
  const base = { ...common(services, subject), previousAnswers: answersAsOfRound(subject.answers, subject.round - 1) };
  // Someone who gave no answer the round before has nothing to confirm: they see the shared view.
  if (!own || !earlier) return buildReRatingCard({ ...base, refreshUserIds: [] });
  const thisRound = answerInRound(own, subject.round);
  return buildReRatingCard({
    ...base,
    refreshUserIds: [],
    mine: {
      earlierRating: earlier.rating,
      entered: view.entered ?? { rating: String(own.rating), evidence: own.evidence, ideas: own.ideas },
      ...(thisRound && !view.error
        ? {
            saved: `Your round ${subject.round} rating is saved: ${thisRound.rating}${thisRound.rating === earlier.rating ? " (kept)" : ` (was ${earlier.rating})`}, ${formatDateTime(thisRound.updatedAt, view.timeZone)}. You can change it until the area closes.`,
          }
        : {}),
      ...(view.error ? { error: view.error } : {}),
    },
  });
}

function common(services: Ports<"framework">, subject: ReRatingSubject) {
  return {
    framework: services.framework,
    assessmentId: subject.assignment.assessmentId,
    area: subject.area,
    statement: subject.statement,
    round: subject.round,
    closed: subject.assignment.status === "closed",
  };
}
