import type { CompiledAssessment } from "../assessment/compile/compiledAssessment";
import { parseAssessmentJson } from "../documents/json/buildAssessmentJson";
import { areaCardsByKey } from "./areaCards";
import { compileAndDownload, type CompileResult } from "./compileAndDownload";
import type { DemoCast } from "./demoCast";
import { moderateFromDigests, type AreaModeration } from "./moderateFromDigests";
import { playAnswerWeek } from "./playAnswerWeek";
import { ANSWER_WEEKS, planSubmissions, type SubmissionPlan } from "./planSubmissions";
import type { RatingValue } from "../assessment/framework/frameworkSchema";
import { startGroups } from "./setUpGroups";
import { dayOf, type SteppedClock } from "./steppedClock";
import type { TeamsDriver } from "./teamsDriver";

export interface SecondCycle {
  moderation: AreaModeration[];
  compile: CompileResult;
  compiled: CompiledAssessment;
}

/**
 * A year later: the coordinator types `new cycle` and confirms the proposal card, the same leads
 * `start` their carried-over areas, the same people answer again (another seed, so some ratings
 * move), the leads moderate and the coordinator compiles — a document showing the change.
 */
export async function playSecondCycle(
  driver: TeamsDriver,
  cast: DemoCast,
  seed: number,
  clock: SteppedClock,
  start: Date,
): Promise<SecondCycle> {
  clock.set(dayOf(start, 0, 4));
  const chat = `a:personal-${cast.coordinator.id}`;
  const [proposal] = await driver.inPersonalChat(cast.coordinator, "new cycle");
  if (!proposal) throw new Error("new cycle gave no proposal card");
  const started = await driver.press(
    cast.coordinator,
    { conversationId: chat, card: proposal },
    undefined,
    "confirmNewCycle",
    {},
    { confirm: "yes" },
  );
  if (!JSON.stringify(started).includes("Cycle 2 started")) throw new Error("the second cycle did not start");
  await startGroups(driver, cast);
  const plan = aYearOn(planSubmissions(cast, seed + 1));
  const cards = areaCardsByKey(driver.connector);
  for (const week of ANSWER_WEEKS) await playAnswerWeek(driver, cast, plan, week, clock, start, cards);
  const moderation = await moderateFromDigests(driver, cast, clock, start);
  clock.set(dayOf(start, 4, 4, 11));
  const compile = await compileAndDownload(driver, cast.coordinator);
  const json = compile.files.find((file) => file.fileName.endsWith("-internal.json"));
  if (!json) throw new Error("the second compile offered no JSON download");
  return { moderation, compile, compiled: parseAssessmentJson(json.bytes.toString("utf8")) };
}

/**
 * The same people a year on: every third area improved (ratings and scores one up), the areas after
 * them slipped (one down), the rest held, so the second document shows ↑, ↓ and = alike.
 */
function aYearOn(plan: SubmissionPlan): SubmissionPlan {
  const shift = (areaNumber: number) => (areaNumber % 3 === 0 ? 1 : areaNumber % 3 === 1 ? -1 : 0);
  const rating = (value: RatingValue, by: number) => Math.min(4, Math.max(1, value + by)) as RatingValue;
  return {
    answers: plan.answers.map((answer) => ({ ...answer, rating: rating(answer.rating, shift(answer.areaNumber)) })),
    scores: plan.scores.map((score) => ({
      ...score,
      score: Math.min(10, Math.max(0, score.score + shift(score.areaNumber))),
    })),
  };
}
