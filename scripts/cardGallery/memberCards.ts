import { whoMay } from "../../assessment/roles/authorizationMatrix";
import { formatDateTime } from "../../assessment/time/formatDates";
import { buildGlobalScoreCard } from "../../cards/globalScoreCard";
import { buildIntroCard } from "../../cards/introCard";
import { buildNoticeCard } from "../../cards/noticeCard";
import { buildStatementCard, type StatementCardData } from "../../cards/statementCard";
import type { GalleryEntry } from "./galleryEntry";
import type { SampleAssessment } from "./sampleAssessment";
import { secondRoundSample } from "./secondRoundSample";
import { buildReRatingCard } from "../../cards/reRatingCard";
import { answersAsOfRound } from "../../assessment/rounds/answerInRound";

/** What working-group members see in their channel: the cards `start` posts and their own views of them. */
export function memberCards(sample: SampleAssessment): GalleryEntry[] {
  const { framework, records, area, statement, answer } = sample;
  const assessmentId = records.details.id;
  const answered = records.answers.filter((candidate) => candidate.statementId === statement.id);
  const scores = records.globalScores.filter((score) => score.areaNumber === area.number);
  const ownScore = scores[0];
  if (!ownScore) throw new Error(`the sample assessment has no global score for area ${area.number}`);
  const leads = records.assignments.find((assignment) => assignment.areaNumber === area.number)?.leads ?? [];
  const statementCard = (state: Partial<StatementCardData>) =>
    buildStatementCard({
      framework,
      assessmentId,
      area,
      statement,
      answeredCount: answered.length,
      closed: false,
      refreshUserIds: [],
      ...state,
    });
  const own = { rating: String(answer.rating), evidence: answer.evidence, ideas: answer.ideas };
  const globalCard = { framework, assessmentId, area, answeredCount: scores.length, closed: false, refreshUserIds: [] };
  return [
    {
      id: "member-intro",
      audience: "members",
      template: "introCard",
      title: "Area introduction",
      caption:
        "Posted in the group's channel by `start`, before the first statement: what to do, the rating guide, the deadline and the leads.",
      card: buildIntroCard({
        framework,
        area,
        deadline: records.details.deadline,
        leadNames: leads.map((lead) => lead.name),
      }),
    },
    {
      id: "member-statement-base",
      audience: "members",
      template: "statementCard",
      title: "Statement card (channel view)",
      caption:
        "One per statement in the channel. Everyone sees the same base card: the count of answers, never anyone's rating.",
      card: statementCard({ refreshUserIds: answered.map((item) => item.respondent.teamsUserId) }),
    },
    {
      id: "member-statement-own",
      audience: "members",
      template: "statementCard",
      title: "Statement card (my saved answer)",
      caption:
        "The same card as one member sees it after saving (Teams refreshes it for them): their rating, evidence and ideas, ready to change.",
      card: statementCard({
        entered: own,
        saved: `Your answer is saved (${savedAt(answer.updatedAt)}). You can change it until the area closes.`,
      }),
    },
    {
      id: "member-statement-refused",
      audience: "members",
      template: "statementCard",
      title: "Statement card (submission refused)",
      caption:
        "A member pressed Save without choosing a rating: the card comes back with what they typed kept and what to fix.",
      card: statementCard({
        entered: { evidence: answer.evidence, ideas: answer.ideas },
        error: "Choose a rating from 4 (Agree at present) to 1 (Disagree at present).",
      }),
    },
    {
      id: "member-statement-closed",
      audience: "members",
      template: "statementCard",
      title: "Statement card (area closed)",
      caption:
        "After the lead types `close`: posted cards are refreshed, the Save button is gone and members can still see their answer.",
      card: statementCard({ closed: true, entered: own }),
    },
    {
      id: "member-global-base",
      audience: "members",
      template: "globalScoreCard",
      title: "Global score card (channel view)",
      caption: "Posted after the area's last statement: each member's score for the area out of 10.",
      card: buildGlobalScoreCard(globalCard),
    },
    {
      id: "member-global-own",
      audience: "members",
      template: "globalScoreCard",
      title: "Global score card (my saved score)",
      caption: "The global score card as one member sees it after saving their score.",
      card: buildGlobalScoreCard({
        ...globalCard,
        enteredScore: String(ownScore.score),
        saved: `Your score is saved (${savedAt(ownScore.updatedAt)}).`,
      }),
    },
    {
      id: "member-notice-not-saved",
      audience: "members",
      template: "noticeCard",
      title: "Notice: answer not saved",
      caption: "Answered to a press on a card the member may not use, e.g. a card of another working group's area.",
      card: buildNoticeCard({
        title: "Your answer was not saved",
        lines: [
          `This card belongs to another working group. Only ${whoMay("submitAnswer")} for area ${area.number} can use it.`,
        ],
        tone: "warning",
      }),
    },
    ...reRatingCards(sample),
  ];
}

/** As the bot words it in bot/answers/statementCardViews.ts. */
/** As the bot words it for an assessment in the default time zone. */
function savedAt(iso: string): string {
  return formatDateTime(iso, "Europe/London");
}

/** The second round: the card posted in a flagged statement's thread, and one member's own view of it. */
function reRatingCards(sample: SampleAssessment): GalleryEntry[] {
  const { framework, records, area } = sample;
  const second = secondRoundSample(sample);
  const statement = area.statements.find((candidate) => candidate.id === second.statementId);
  const before = answersAsOfRound(
    second.answers.filter((answer) => answer.statementId === second.statementId),
    1,
  );
  const mine = before[0];
  if (!statement || !mine) throw new Error(`the sample has no round-1 answers to ${second.statementId}`);
  const common = {
    framework,
    assessmentId: records.details.id,
    area,
    statement,
    round: 2,
    previousAnswers: before,
    closed: false,
  };
  return [
    {
      id: "member-rerating-thread",
      audience: "members",
      template: "reRatingCard",
      title: "Second round (in the statement's thread)",
      caption:
        "Posted once as a reply in the statement's own thread when a lead sends it back: the group's round-1 ratings and the evidence given under each, without names.",
      card: buildReRatingCard({ ...common, refreshUserIds: before.map((answer) => answer.respondent.teamsUserId) }),
    },
    {
      id: "member-rerating-own",
      audience: "members",
      template: "reRatingCard",
      title: "Second round (my own view)",
      caption:
        "What each member who answered sees by refresh: their round-1 rating and evidence filled in, to keep or change. Saving keeps the round-1 answer on the record.",
      card: buildReRatingCard({
        ...common,
        refreshUserIds: [],
        mine: {
          earlierRating: mine.rating,
          entered: { rating: String(mine.rating), evidence: mine.evidence, ideas: mine.ideas },
        },
      }),
    },
  ];
}
