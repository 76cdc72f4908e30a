import type { Answer, GlobalScoreAnswer } from "../../assessment/answers/answer";
import type { Area, Statement } from "../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import { buildStatementCard } from "../../cards/statementCard";
import { buildGlobalScoreCard } from "../../cards/globalScoreCard";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import type { Ports } from "../app/botServices";
import { formatDateTime } from "../../assessment/time/formatDates";

/**
 * The two views of a statement card: the base card everyone sees in the channel (count only —
 * no ratings, so nobody anchors on others before moderation) and one member's own view. The base
 * card is built from the statement's stored answers, read here for every surface that shows it.
 */
export async function statementBaseCard(
  services: Ports<"framework", "responses">,
  assignment: AreaAssignment,
  area: Area,
  statement: Statement,
): Promise<AdaptiveCard> {
  const answers = await services.storage.responses.listStatementAnswers(
    assignment.assessmentId,
    area.number,
    statement.id,
  );
  return buildStatementCard({
    framework: services.framework,
    assessmentId: assignment.assessmentId,
    area,
    statement,
    answeredCount: answers.length,
    closed: assignment.status === "closed",
    refreshUserIds: refreshIdsOf(answers),
  });
}

export function statementOwnView(
  services: Ports<"framework">,
  view: {
    assignment: AreaAssignment;
    area: Area;
    statement: Statement;
    timeZone: string;
    answeredCount: number;
    own?: Answer;
    entered?: { rating?: string; evidence?: string; ideas?: string };
    error?: string;
  },
): AdaptiveCard {
  const { own } = view;
  return buildStatementCard({
    framework: services.framework,
    assessmentId: view.assignment.assessmentId,
    area: view.area,
    statement: view.statement,
    answeredCount: view.answeredCount,
    closed: view.assignment.status === "closed",
    refreshUserIds: [],
    entered:
      view.entered ?? (own ? { rating: String(own.rating), evidence: own.evidence, ideas: own.ideas } : undefined),
    saved:
      own && !view.error
        ? `Your answer is saved (${formatDateTime(own.updatedAt, view.timeZone)}). You can change it until the area closes.`
        : undefined,
    error: view.error,
  });
}

/** The channel's global score card, from the area's stored scores (count only, as for a statement). */
export async function globalBaseCard(
  services: Ports<"framework", "responses">,
  assignment: AreaAssignment,
  area: Area,
): Promise<AdaptiveCard> {
  const scores = await services.storage.responses.listAreaGlobalScores(assignment.assessmentId, area.number);
  return buildGlobalScoreCard({
    framework: services.framework,
    assessmentId: assignment.assessmentId,
    area,
    answeredCount: scores.length,
    closed: assignment.status === "closed",
    refreshUserIds: refreshIdsOf(scores),
  });
}

export function globalOwnView(
  services: Ports<"framework">,
  view: {
    assignment: AreaAssignment;
    area: Area;
    timeZone: string;
    answeredCount: number;
    own?: GlobalScoreAnswer;
    enteredScore?: string;
    error?: string;
  },
): AdaptiveCard {
  return buildGlobalScoreCard({
    framework: services.framework,
    assessmentId: view.assignment.assessmentId,
    area: view.area,
    answeredCount: view.answeredCount,
    closed: view.assignment.status === "closed",
    refreshUserIds: [],
    enteredScore: view.enteredScore ?? (view.own ? String(view.own.score) : undefined),
    saved:
      view.own && !view.error
        ? `Your score is saved (${formatDateTime(view.own.updatedAt, view.timeZone)}).`
        : undefined,
    error: view.error,
  });
}

/** Teams ids of those who answered (most recent first), so they see their own answer automatically. */
function refreshIdsOf(answers: ReadonlyArray<{ respondent: { teamsUserId: string }; updatedAt: string }>): string[] {
  return [...answers]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .map((answer) => answer.respondent.teamsUserId);
}
