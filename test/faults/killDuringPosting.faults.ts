import assert from "node:assert/strict";
import { DEFAULT_FRAMEWORK_PATH, loadFramework } from "../../storage/framework/loadFramework";
import { firstAssessmentId } from "../../bot/app/currentAssessment";
import { seededRandom } from "../../simulator/assessment/generateAssessmentRandom";
import { TENANT_ID } from "../../simulator/teams/teamsActivities";
import { openStorage } from "../../storage/openStorage";
import { testTablesConnectionString } from "../support/azuriteForTests";
import { startProcessGroups, type ProcessGroups } from "./startProcessGroups";
import { noticesSince, postedAreaCards } from "./connectorRecords";
import { waitFor } from "../support/waitFor";
import { POSTING_CLAIM_LEASE_MS } from "../../bot/posting/postAreaCards";

/**
 * The bot process is SIGKILLed while posting three areas at once (real Teams pacing: 7 posts per
 * 2 s per channel), at seeded random points, restarted, and `start` is typed again once the dead
 * process's claims are past their lease. Posting is
 * claim → send → markPosted, so the one documented loss-free window is a card sent but not yet
 * marked: it is sent again. None may be missing; a card may appear twice only if it was the last
 * one Teams accepted in its channel before a kill (at most one per channel per kill: each channel's
 * sends are one at a time). Killing right after the stand-in records a card hits that window on
 * purpose, so duplicates do happen here.
 */
const AREAS = [2, 3, 7] as const;
const KILLS = 3;
const SEED = 8_004;

describe("bot process killed while posting areas", function () {
  this.timeout(180_000);
  let groups: ProcessGroups;
  afterEach(async () => groups.close());

  it("after each kill, `start` again posts what is missing: every card once per channel, none lost", async () => {
    const framework = loadFramework(DEFAULT_FRAMEWORK_PATH);
    const expectedKeys = AREAS.flatMap((number) =>
      [
        "intro",
        ...(framework.areas.find((area) => area.number === number)?.statements.map((statement) => statement.id) ?? []),
        "global",
      ].map((key) => `${number}|${key}`),
    );
    groups = await startProcessGroups(AREAS);
    const { connector, coordinator, lead } = groups;
    const random = seededRandom(SEED);
    const posted = () => postedAreaCards(connector).length;
    const startAll = async (bot: Awaited<ReturnType<ProcessGroups["startBot"]>>) => {
      for (const area of AREAS) await groups.say(bot, lead, area, "start");
    };

    let bot = await groups.startBot();
    for (const area of AREAS) await groups.say(bot, coordinator, area, `assign ${area}`, [lead]);
    const killedAt: number[] = [];
    const areaOfChannel = new Map([...groups.channels].map(([area, channel]) => [channel.channelId, area]));
    const keyed = () =>
      postedAreaCards(connector).map((card) => `${areaOfChannel.get(card.channelId) ?? "?"}|${card.key}`);
    /** Per kill, the last card each channel received: the only ones allowed to come twice. */
    const inFlightAtKill = new Map<string, number>();
    for (let kill = 0; kill < KILLS; kill += 1) {
      await startAll(bot);
      const killAt = random.int(posted() + 1, Math.min(expectedKeys.length - 1, posted() + 12));
      await waitFor(() => posted() >= killAt, `${killAt} cards before kill ${kill + 1}`);
      await bot.kill();
      const killTime = Date.now();
      killedAt.push(posted());
      bot = await groups.startBot();
      // Until their lease runs out, the dead process's claims look like a live `start` elsewhere.
      await waitFor(
        () => Date.now() > killTime + POSTING_CLAIM_LEASE_MS + 500,
        "the dead process's claims to go stale",
      );
      // Read after the restart: a post the dead process wrote to its socket may reach the stand-in after the exit.
      for (const area of AREAS) {
        const last = keyed()
          .filter((key) => key.startsWith(`${area}|`))
          .at(-1);
        if (last) inFlightAtKill.set(last, (inFlightAtKill.get(last) ?? 0) + 1);
      }
    }
    const finalRunFrom = connector.recorded.length;
    await startAll(bot);
    await waitFor(
      () => noticesSince(connector, finalRunFrom, /^Area \d+ is ready$/).length === AREAS.length,
      "every area to report ready",
    );
    await bot.stop();

    const counts = new Map<string, number>();
    for (const key of keyed()) counts.set(key, (counts.get(key) ?? 0) + 1);
    const missing = expectedKeys.filter((key) => !counts.has(key));
    const unexpected = [...counts.keys()].filter((key) => !expectedKeys.includes(key));
    const duplicates = [...counts.values()].reduce((sum, count) => sum + count - 1, 0);
    assert.deepEqual(missing, [], "no card lost");
    assert.deepEqual(unexpected, [], "only the areas' cards, each in its own channel");
    const twice = [...counts].filter(([, count]) => count > 1);
    assert.ok(
      twice.every(([key, count]) => count - 1 <= (inFlightAtKill.get(key) ?? 0)),
      `duplicates outside the crash window: ${JSON.stringify(twice)}`,
    );
    assert.ok(duplicates <= KILLS * AREAS.length);

    const storage = openStorage({ connectionString: testTablesConnectionString(), tablePrefix: groups.tablePrefix });
    for (const area of AREAS) {
      const rows = await storage.postedCards.list(firstAssessmentId(TENANT_ID), area);
      assert.ok(
        rows.every((row) => row.state === "posted"),
        `area ${area}: no claim left pending`,
      );
    }
    console.log(
      `      posting kills: ${KILLS} SIGKILLs after ${killedAt.join(", ")} of ${expectedKeys.length} cards; lost ${missing.length}, duplicates ${duplicates}`,
    );
  });
});
