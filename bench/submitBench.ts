import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { firstAssessmentId } from "../bot/app/currentAssessment";
import { startEmbeddedAzurite } from "../storage/embeddedAzurite";
import { startLocalBot, type LocalBot } from "../simulator/localBot";
import { makePeople, makePerson, type TeamsPerson } from "../simulator/teams/people";
import {
  cardAction,
  channelMessage,
  makeChannel,
  TENANT_ID,
  type TeamsChannel,
} from "../simulator/teams/teamsActivities";
import { TEAMS_PACING } from "../bot/posting/pacedSender";
import { startBareBot } from "./bareBot";
import { drive, type LoadResult } from "./loadGenerator";

/**
 * Submit path: Action.Execute `submitAnswer` invokes over HTTP at a given concurrency, against the
 * real bot (validate, role, save the answer with its audit entry, own-view card) — on the embedded
 * default with its write-ahead journal (fsync before "saved") and without it — and against two bare
 * botbuilder anchors: a constant card, and zod validation + one entity written to the same Azurite
 * (the bot's storage work too: one single-entity write per answer, its audit entry in the row).
 * All get the same activities in the same order.
 */
export type SubmitTarget = "bot" | "durableBot" | "constantAnchor" | "storingAnchor";

/**
 * One level and phase: every target's rounds in the order run. `bot` is the real bot with writes not
 * journaled (as on Azure Storage), `durableBot` the embedded default with its journal (the cost of
 * durability), then the two anchors.
 */
export interface SubmitLevelResult {
  concurrency: number;
  phase: "create" | "edit";
  rounds: Record<SubmitTarget, LoadResult[]>;
}

/** A ratio over the rounds: its median and range. */
export interface PairedRatio {
  median: number;
  min: number;
  max: number;
}

/** Area 7's statements 7a..7o, taken in turn. */
const statementOfArea7 = (index: number) => `7${String.fromCharCode("a".charCodeAt(0) + (index % 15))}`;
const THREAD = "1700000000000001";

function answerActivities(
  serviceUrl: string,
  channel: TeamsChannel,
  people: readonly TeamsPerson[],
  edit: boolean,
): object[] {
  return people.map((from, index) =>
    cardAction({
      serviceUrl,
      from,
      channel,
      conversationId: `${channel.channelId};messageid=${THREAD}`,
      verb: "submitAnswer",
      data: {
        assessmentId: firstAssessmentId(TENANT_ID),
        areaNumber: "7",
        statementId: statementOfArea7(index),
        rating: String(edit ? ((index + 1) % 4) + 1 : (index % 4) + 1),
        evidence: edit
          ? `Revised: checked the pathway plans again (${index})`
          : `Pathway plans reviewed in March, sample of ${index + 5} cases`,
        ideas: edit ? "Add a housing panel and a review date" : "Add a housing panel",
      },
    }),
  );
}

/** A saved answer comes back as the own-view card; a refusal says "not saved". */
function savedOk(status: number, body: string): boolean {
  return status === 200 && body.includes("application/vnd.microsoft.card.adaptive") && !/not saved/i.test(body);
}
const anchorOk = (status: number, body: string) =>
  status === 200 && body.includes("application/vnd.microsoft.card.adaptive");

/** A bot with area 7 assigned to `channel`, as the coordinator would do it. */
async function assignedBot(
  tablesConnectionString: string,
  channel: TeamsChannel,
  storageRecorder?: Parameters<typeof startLocalBot>[0]["storageRecorder"],
): Promise<LocalBot> {
  const coordinator = makePerson("Chris Coordinator");
  const lead = makePerson("Lee Lead");
  // Teams' real pacing, as deployed (the simulator's default is faster, for tests): the channel card's
  // count is re-rendered at most 7 times per 2 s per conversation however many answer at once.
  const bot = await startLocalBot({
    tablesConnectionString,
    storageRecorder,
    coordinators: [coordinator.aadObjectId],
    appOptions: { pacing: TEAMS_PACING },
  });
  bot.connector.roster = [lead];
  const assigned = await bot.post(
    channelMessage({
      serviceUrl: bot.connector.url,
      from: coordinator,
      channel,
      text: "assign 7",
      mentions: [lead],
      threadId: THREAD,
    }),
  );
  if (assigned.status !== 200) throw new Error(`assign 7 answered ${assigned.status}`);
  return bot;
}

/**
 * Each target is measured in SUBMIT_ROUNDS interleaved rounds, the order rotating from round to
 * round: on a shared 2-core machine the load drifts within a run (the same code measured ×0.6 in one
 * round and ×0.9 in the next), and measuring all of one target before the next would hand the
 * drift to whichever came last. Ratios are taken within a round, where the targets ran seconds
 * apart, and the median of those is reported with its range (pairedRatio).
 */
export const SUBMIT_ROUNDS = 5;

export async function runSubmitLevel(
  memoryConnectionString: string,
  concurrency: number,
  /** Members per round: each creates an answer, then edits it. */
  answers: number,
  warmup: number,
): Promise<SubmitLevelResult[]> {
  // Fresh bots, tables and data folder per level, so every level starts from the same stored state.
  const channel = makeChannel("Housing working group");
  const folder = await mkdtemp(join(tmpdir(), "bench-durable-"));
  const durableAzurite = await startEmbeddedAzurite({ location: folder, port: 0 });
  const bot = await assignedBot(memoryConnectionString, channel);
  const durableBot = await assignedBot(durableAzurite.connectionString, channel, durableAzurite.recorder);
  const constant = await startBareBot();
  const storing = await startBareBot({
    connectionString: memoryConnectionString,
    table: `anchor${concurrency}x${Date.now() % 100_000}`,
  });
  try {
    const targets = {
      bot,
      durableBot,
      constantAnchor: constant,
      storingAnchor: storing,
    } satisfies Record<SubmitTarget, unknown>;
    const names = Object.keys(targets) as SubmitTarget[];
    const serviceUrl = bot.connector.url;
    const drivePhase = async (name: SubmitTarget, bodies: object[], atConcurrency: number) => {
      const target = targets[name];
      const result = await drive(
        `${target.url}/api/messages`,
        bodies,
        atConcurrency,
        name.endsWith("Anchor") ? anchorOk : savedOk,
      );
      if ("app" in target) await target.app.idle();
      return result;
    };
    const refused: Record<SubmitTarget, number> = {
      bot: 0,
      durableBot: 0,
      constantAnchor: 0,
      storingAnchor: 0,
    };
    const warm = answerActivities(serviceUrl, channel, makePeople("Warm", warmup), false);
    for (const name of names) refused[name] += (await drivePhase(name, warm, Math.min(concurrency, 10))).failures;
    const noRounds = (): Record<SubmitTarget, LoadResult[]> => ({
      bot: [],
      durableBot: [],
      constantAnchor: [],
      storingAnchor: [],
    });
    const measured = { create: noRounds(), edit: noRounds() };
    for (let round = 0; round < SUBMIT_ROUNDS; round += 1) {
      const people = makePeople(`Member ${round + 1}.`, answers);
      const bodies = {
        create: answerActivities(serviceUrl, channel, people, false),
        edit: answerActivities(serviceUrl, channel, people, true),
      };
      const order = names.map((_, index) => names[(index + round) % names.length] ?? "bot");
      for (const phase of ["create", "edit"] as const)
        for (const name of order) {
          const result = await drivePhase(name, bodies[phase], concurrency);
          if (phase === "create") refused[name] += result.failures;
          measured[phase][name].push(result);
        }
    }
    for (const name of ["bot", "durableBot"] as const) {
      const stored = await targets[name].app.services.storage.responses.listAreaAnswers(
        firstAssessmentId(TENANT_ID),
        7,
      );
      // Every answer confirmed as saved must be stored; one refused as "not saved" (a storage timeout under
      // load, reported as FAILED) may or may not have been written before the timeout.
      const sent = warmup + SUBMIT_ROUNDS * answers;
      if (stored.length > sent || stored.length < sent - refused[name])
        throw new Error(
          `expected ${sent - refused[name]}–${sent} stored answers (${name}) at concurrency ${concurrency}, found ${stored.length}`,
        );
    }
    return [
      { concurrency, phase: "create", rounds: measured.create },
      { concurrency, phase: "edit", rounds: measured.edit },
    ];
  } finally {
    await Promise.all([constant.close(), storing.close(), bot.close(), durableBot.close()]);
    await durableAzurite.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

/** The round with the median throughput, its failures those of all rounds. */
export function medianRound(rounds: readonly LoadResult[]): LoadResult {
  const sorted = [...rounds].sort((a, b) => a.throughput - b.throughput);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!median) throw new Error("no rounds measured");
  return { ...median, failures: rounds.reduce((sum, round) => sum + round.failures, 0) };
}

/** `measure` of `of` ÷ that of `to`, round by round (each pair ran seconds apart), over the rounds. */
export function pairedRatio(
  of: readonly LoadResult[],
  to: readonly LoadResult[],
  measure: (result: LoadResult) => number,
): PairedRatio {
  if (of.length === 0 || of.length !== to.length) throw new Error("rounds do not pair up");
  const ratios = of.map((result, index) => measure(result) / measure(to[index] ?? result)).sort((a, b) => a - b);
  const median = ratios[Math.floor(ratios.length / 2)] ?? Number.NaN;
  return { median, min: ratios[0] ?? median, max: ratios[ratios.length - 1] ?? median };
}
