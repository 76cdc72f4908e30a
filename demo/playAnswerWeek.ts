import type { DemoCast, DemoGroup } from "./demoCast";
import type { AnswerWeek, PlannedAnswer, PlannedScore, SubmissionPlan } from "./planSubmissions";
import type { ReceivedCard, TeamsDriver } from "./teamsDriver";
import { dayOf, type SteppedClock } from "./steppedClock";

type Press = { kind: "answer"; planned: PlannedAnswer; rating: number } | { kind: "score"; planned: PlannedScore };

const WORKING_DAYS = 5;

/**
 * One answering week: each group's members press Submit on the statement cards in their channel,
 * spread over Monday to Friday, groups at the same time. Week 3 also brings the changed answers
 * and the global scores.
 */
export async function playAnswerWeek(
  driver: TeamsDriver,
  cast: DemoCast,
  plan: SubmissionPlan,
  week: AnswerWeek,
  clock: SteppedClock,
  start: Date,
  cards: Map<string, ReceivedCard>,
): Promise<void> {
  const presses = new Map(cast.groups.map((group) => [group.areaNumber, pressesOf(plan, group, week)]));
  for (let day = 0; day < WORKING_DAYS; day++) {
    clock.set(dayOf(start, week, day, 10));
    await Promise.all(
      cast.groups.map(async (group) => {
        const all = presses.get(group.areaNumber) ?? [];
        const today = all.slice(
          Math.floor((all.length * day) / WORKING_DAYS),
          Math.floor((all.length * (day + 1)) / WORKING_DAYS),
        );
        for (const press of today) await pressOnCard(driver, group, press, cards);
      }),
    );
  }
}

function pressesOf(plan: SubmissionPlan, group: DemoGroup, week: AnswerWeek): Press[] {
  const mine = plan.answers.filter((answer) => answer.areaNumber === group.areaNumber);
  const firstTime: Press[] = mine
    .filter((answer) => answer.week === week)
    .map((planned) => ({ kind: "answer", planned, rating: planned.firstRating ?? planned.rating }));
  if (week !== 3) return firstTime;
  const changes: Press[] = mine
    .filter((answer) => answer.firstRating !== undefined)
    .map((planned) => ({ kind: "answer", planned, rating: planned.rating }));
  const scores: Press[] = plan.scores
    .filter((score) => score.areaNumber === group.areaNumber)
    .map((planned) => ({ kind: "score", planned }));
  return [...firstTime, ...changes, ...scores];
}

async function pressOnCard(
  driver: TeamsDriver,
  group: DemoGroup,
  press: Press,
  cards: Map<string, ReceivedCard>,
): Promise<void> {
  const key =
    press.kind === "answer" ? `${group.areaNumber}|${press.planned.statementId}` : `${group.areaNumber}|global`;
  const card = cards.get(key);
  if (!card) throw new Error(`no card posted for ${key}`);
  if (press.kind === "answer") {
    const { member, evidence, ideas } = press.planned;
    await driver.press(member, card, group.channel, "submitAnswer", { rating: String(press.rating), evidence, ideas });
  } else {
    await driver.press(press.planned.member, card, group.channel, "submitGlobalScore", {
      score: String(press.planned.score),
    });
  }
}
