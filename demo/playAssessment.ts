import type { CompiledAssessment } from "../assessment/compile/compiledAssessment";
import { parseAssessmentJson } from "../documents/json/buildAssessmentJson";
import { areaCardsByKey } from "./areaCards";
import { compileAndDownload, type CompileResult } from "./compileAndDownload";
import { buildDemoCast, type DemoCast } from "./demoCast";
import { moderateFromDigests, type AreaModeration } from "./moderateFromDigests";
import { playAnswerWeek } from "./playAnswerWeek";
import { ANSWER_WEEKS, planSubmissions } from "./planSubmissions";
import { readProgress, type AreaProgressLine } from "./readProgress";
import { setUpGroups } from "./setUpGroups";
import { dayOf, SteppedClock } from "./steppedClock";
import { TeamsDriver, type BotEndpoint } from "./teamsDriver";
import { playSecondCycle, type SecondCycle } from "./playSecondCycle";

/** A running bot the scenario can talk to, and stop when done (after its last sends). */
export interface DemoBot extends BotEndpoint {
  close(): Promise<void>;
}

export interface PlayOptions {
  seed?: number;
  /** Areas with a working group (default all ten). */
  areas?: readonly number[];
  /** Members per group (default 3–6 from a pool of about 30). */
  membersPerArea?: number;
  /** Monday of week 1. */
  start?: Date;
  /** Play a second cycle a year later (`new cycle`, answers, moderation, compile) after the first. */
  secondCycle?: boolean;
  /** Starts the bot with this coordinator and this clock (the demo: embedded Azurite; tests: the test Azurite). */
  openBot(setup: { coordinatorAadId: string; clock: () => Date }): Promise<DemoBot>;
  /** Runs once everything is played, while the bot is still up (the demo photographs the tab). */
  beforeClose?: (cast: DemoCast) => Promise<void>;
}

export interface WeekReport {
  week: number;
  /** What the coordinator's `status` showed at the end of the week. */
  progress: AreaProgressLine[];
}

export interface DemoOutcome {
  cast: DemoCast;
  cardsPosted: number;
  weeks: WeekReport[];
  /** Distinct (member, statement) answers submitted; changed answers count once. */
  answersSubmitted: number;
  answersChanged: number;
  globalScoresSubmitted: number;
  /** Every evidence, idea and rationale typed into a card during the run. */
  typedText: string[];
  moderation: AreaModeration[];
  compile: CompileResult;
  /** The compiled assessment as downloaded (the JSON file). */
  compiled: CompiledAssessment;
  /** Activities posted to the bot. */
  turns: number;
  /** When asked for: the next year's cycle, whose documents show the change since this one. */
  secondCycle?: SecondCycle;
}

const DEFAULT_START = new Date("2026-01-05T09:00:00.000Z");

/**
 * A four-week self-assessment played through the bot's messaging endpoint only, as Teams would:
 * week 0 set-up, three weeks of answers (some changed later), week 4 moderation from the digests,
 * then the compile and the downloads.
 */
export async function playAssessment(options: PlayOptions): Promise<DemoOutcome> {
  const seed = options.seed ?? 2;
  const start = options.start ?? DEFAULT_START;
  const cast = buildDemoCast({
    seed,
    ...(options.areas ? { areas: options.areas } : {}),
    ...(options.membersPerArea === undefined ? {} : { membersPerArea: options.membersPerArea }),
  });
  const plan = planSubmissions(cast, seed);
  const clock = new SteppedClock(dayOf(start, 0, 4).getTime());
  const bot = await options.openBot({ coordinatorAadId: cast.coordinator.aadObjectId, clock: clock.now });
  try {
    bot.connector.roster = [cast.coordinator, ...cast.people];
    const driver = new TeamsDriver(bot);
    const cardsPosted = await setUpGroups(driver, cast, dayOf(start, 4, 4));
    const cards = areaCardsByKey(bot.connector);
    const weeks: WeekReport[] = [];
    for (const week of ANSWER_WEEKS) {
      await playAnswerWeek(driver, cast, plan, week, clock, start, cards);
      clock.set(dayOf(start, week, 4, 17));
      weeks.push({ week, progress: await readProgress(driver, cast.coordinator) });
    }
    const moderation = await moderateFromDigests(driver, cast, clock, start);
    clock.set(dayOf(start, 4, 4, 11));
    weeks.push({ week: 4, progress: await readProgress(driver, cast.coordinator) });
    const youngPeople = youngPeopleCommand(cast, seed);
    await driver.inPersonalChat(cast.coordinator, youngPeople.command);
    const compile = await compileAndDownload(driver, cast.coordinator);
    const json = compile.files.find((file) => file.fileName.endsWith("-internal.json"));
    if (!json) throw new Error("the compile offered no JSON download");
    await options.beforeClose?.(cast);
    const secondCycle = options.secondCycle
      ? await playSecondCycle(driver, cast, seed, clock, dayOf(start, 53, 0))
      : undefined;
    return {
      cast,
      cardsPosted,
      weeks,
      answersSubmitted: plan.answers.length,
      answersChanged: plan.answers.filter((answer) => answer.firstRating !== undefined).length,
      globalScoresSubmitted: plan.scores.length,
      typedText: [
        ...plan.answers.flatMap((answer) => [answer.evidence, answer.ideas]),
        ...moderation.flatMap((area) => area.typedText),
        youngPeople.source,
      ].filter((text) => text.trim() !== ""),
      moderation,
      compile,
      compiled: parseAssessmentJson(json.bytes.toString("utf8")),
      turns: driver.turns,
      ...(secondCycle ? { secondCycle } : {}),
    };
  } finally {
    await bot.close();
  }
}

/**
 * The coordinator records what young people scored at a Care Leavers' Forum session: seeded scores
 * for the areas with a group, lower than staff's on the whole (as the framework's authors found).
 */
function youngPeopleCommand(cast: DemoCast, seed: number): { command: string; source: string } {
  const source = "Care Leavers' Forum session, week 3";
  const areas = [...new Set(cast.groups.map((group) => group.areaNumber))].sort((a, b) => a - b);
  const pairs = areas.map((area) => `${area}=${2 + ((area * 5 + seed * 3) % 7)}`);
  return { command: `youngpeople ${pairs.join(" ")} from=${source}`, source };
}
