import assert from "node:assert/strict";
import { TEAMS_PACING } from "../../bot/posting/pacedSender";
import type { ConnectorStandIn } from "../../simulator/teams/connectorStandIn";
import { startProcessGroups } from "./startProcessGroups";
import { noticesSince, postedAreaCards } from "./connectorRecords";
import { waitFor } from "../support/waitFor";
import { defined } from "../support/defined";

/**
 * Teams answers 429 (Retry-After 1 s) to every new post for seconds on end, against the real bot
 * process with its production pacing. Pacing is checked on what reached the stand-in, throttled
 * attempts included: a send's arrival can lag its start by transport jitter, hence the slack.
 * (This caught the Bot Connector client retrying 429s itself, unpaced: bot/adapter/withoutConnectorClientRetries.)
 */
const JITTER_SLACK_MS = 100;

/** The most attempts to `target` that fell within any one window of each pacing limit, as [max, limit] pairs. */
function busiestWindows(connector: ConnectorStandIn, target: string): Array<[number, number]> {
  const times = connector.attempts
    .filter((attempt) => attempt.kind === "create" && attempt.target === target)
    .map((attempt) => attempt.at);
  return TEAMS_PACING.limits.map((limit) => {
    let busiest = 0;
    for (let first = 0; first < times.length; first += 1) {
      const inWindow = times.filter(
        (at) => at >= defined(times[first]) && at < defined(times[first]) + limit.perMs - JITTER_SLACK_MS,
      ).length;
      busiest = Math.max(busiest, inWindow);
    }
    return [busiest, limit.max];
  });
}

describe("Teams throttling every post for a long time", function () {
  this.timeout(180_000);

  it("keeps the production pace through seconds of 429s and delivers every card once (real bot process)", async () => {
    const groups = await startProcessGroups([7]);
    try {
      const { connector, coordinator, lead } = groups;
      const bot = await groups.startBot();
      await groups.say(bot, coordinator, 7, "assign 7", [lead]);
      const channelId = defined(groups.channels.get(7)).channelId;
      const from = connector.recorded.length;
      // Six seconds of 429s: within the sender's attempts, so posting rides it out by itself.
      connector.throttleFor(6_000, 1, "creates");
      await groups.say(bot, lead, 7, "start");
      await waitFor(() => noticesSince(connector, from, /^Area 7 is ready$/).length === 1, "area 7 ready");
      const keys = postedAreaCards(connector).map((card) => card.key);
      assert.equal(keys.length, 17);
      assert.equal(new Set(keys).size, 17, "each card once");
      const throttled = connector.attempts.filter(
        (attempt) => attempt.target === channelId && attempt.status === 429,
      ).length;
      assert.ok(throttled >= 5, `${throttled} throttled attempts`);
      const windows = busiestWindows(connector, channelId);
      for (const [busiest, limit] of windows)
        assert.ok(busiest <= limit, `${busiest} attempts in one window, limit ${limit}`);
      console.log(
        `      long 429: ${throttled} posts answered 429 over 6 s; busiest windows ${JSON.stringify(windows)} ([attempts, limit])`,
      );
    } finally {
      await groups.close();
    }
  });
});
