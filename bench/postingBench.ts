import { startLocalBot } from "../simulator/localBot";
import { cardsOf } from "../simulator/teams/connectorStandIn";
import { makePerson } from "../simulator/teams/people";
import { channelMessage, makeChannel } from "../simulator/teams/teamsActivities";
import { TEAMS_PACING } from "../bot/posting/pacedSender";

/**
 * Posting: `start` for area 7 (intro + 15 statements + global = 17 cards) through the connector
 * stand-in with the real Teams pacing (7 per 2 s per conversation), optionally with 429s injected.
 */
export interface PostingResult {
  label: string;
  cardsExpected: number;
  creates: number;
  distinctCards: number;
  lost: number;
  duplicated: number;
  throttled: number;
  /** `start` POSTed → every card posted and the bot idle. */
  wallMs: number;
  /** First card create → last card create, as the connector saw them. */
  spanMs: number;
  /** Least possible first → last span for this many sends under the pacing limit. */
  theoreticalSpanMs: number;
  /** Least possible `start` → last card: the Retry-After waits (sends are one at a time) plus the span. */
  theoreticalWallMs: number;
  /** Most successful creates inside any sliding 1 s / 2 s window (Teams: 7 per 1 s, 8 per 2 s per conversation). */
  maxIn1s: number;
  maxIn2s: number;
}

const THREAD = "1700000000000001";

/** The binding limit of TEAMS_PACING for one area's cards: 7 sends in any 2 s. */
const PACING_CAP = 7;
const PACING_WINDOW_MS = 2000;

/** 7 per 2000 ms: sends 1–7 go at 0, 8–14 at 2000, 15–17 at 4000 → (ceil(n/cap) − 1) × interval. */
export function theoreticalMinSpanMs(sends: number, cap = PACING_CAP, intervalMs = PACING_WINDOW_MS): number {
  return (Math.ceil(sends / cap) - 1) * intervalMs;
}

/** Largest number of timestamps falling in any window [t, t + windowMs). */
export function maxInSlidingWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (const [end, time] of sorted.entries()) {
    // start never passes end, so sorted[start] is always there.
    while (time - (sorted[start] ?? time) >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

function cardKey(activity: Record<string, unknown>): string {
  const text = JSON.stringify(cardsOf(activity)[0] ?? {});
  return text.match(/"statementId":"(7[a-o]|global)"/)?.[1] ?? (text.includes("What to do") ? "intro" : "?");
}

export async function runPosting(
  tablesConnectionString: string,
  label: string,
  throttle?: { count: number; retryAfterSeconds: number },
): Promise<PostingResult> {
  const coordinator = makePerson("Chris Coordinator");
  const lead = makePerson("Lee Lead");
  const harness = await startLocalBot({
    tablesConnectionString,
    coordinators: [coordinator.aadObjectId],
    appOptions: { pacing: TEAMS_PACING },
  });
  try {
    harness.connector.roster = [lead];
    const channel = makeChannel("Housing working group");
    const serviceUrl = harness.connector.url;
    const say = (from: typeof lead, text: string, mentions?: (typeof lead)[]) =>
      harness.post(channelMessage({ serviceUrl, from, channel, text, mentions, threadId: THREAD }));
    const assigned = await say(coordinator, "assign 7", [lead]);
    if (assigned.status !== 200) throw new Error(`assign 7 answered ${assigned.status}`);
    await harness.app.idle();
    // Let the pacing window used by the assign replies pass, so `start` begins with a full budget.
    await new Promise((resolve) => setTimeout(resolve, PACING_WINDOW_MS + 100));
    const before = harness.connector.recorded.length;
    if (throttle) harness.connector.throttleNext(throttle.count, throttle.retryAfterSeconds, "creates");
    const started = performance.now();
    const response = await say(lead, "start");
    if (response.status !== 200) throw new Error(`start answered ${response.status}`);
    await harness.app.idle();
    const wallMs = performance.now() - started;
    const creates = harness.connector.recorded.slice(before).filter((entry) => entry.kind === "create");
    const keys = creates.map((entry) => cardKey(entry.activity));
    const distinct = new Set(keys);
    const expected = ["intro", ..."abcdefghijklmno".split("").map((letter) => `7${letter}`), "global"];
    const first = creates[0]?.at ?? 0;
    const last = creates.at(-1)?.at ?? 0;
    return {
      label,
      cardsExpected: expected.length,
      creates: creates.length,
      distinctCards: distinct.size,
      lost: expected.filter((key) => !distinct.has(key)).length,
      duplicated: keys.length - distinct.size,
      throttled: harness.connector.throttledCount,
      wallMs,
      spanMs: last - first,
      theoreticalSpanMs: theoreticalMinSpanMs(expected.length),
      theoreticalWallMs:
        (throttle ? throttle.count * throttle.retryAfterSeconds * 1000 : 0) + theoreticalMinSpanMs(expected.length),
      maxIn1s: maxInSlidingWindow(
        creates.map((entry) => entry.at),
        1000,
      ),
      maxIn2s: maxInSlidingWindow(
        creates.map((entry) => entry.at),
        2000,
      ),
    };
  } finally {
    await harness.close();
  }
}
