import assert from "node:assert/strict";
import { firstAssessmentId } from "../../bot/app/currentAssessment";
import { DIGEST_CLAIM_LEASE_MS } from "../../bot/posting/sendDigest";
import { seededRandom } from "../../simulator/assessment/generateAssessmentRandom";
import { makePeople } from "../../simulator/teams/people";
import { TENANT_ID } from "../../simulator/teams/teamsActivities";
import { openStorage } from "../../storage/openStorage";
import { testTablesConnectionString } from "../support/azuriteForTests";
import { startProcessGroups, type ProcessGroups } from "./startProcessGroups";
import { noticesSince } from "./connectorRecords";
import { waitFor } from "../support/waitFor";

/**
 * The bot process is SIGKILLed while `digest` delivers to eight leads, restarted, and `digest` is
 * typed again in the same minute (the command's run key). Deliveries are claimed per lead: done
 * ones are skipped, and the claim the dead process left pending is taken over once its lease
 * (DIGEST_CLAIM_LEASE_MS) has run out. Every lead must get the digest; the one being sent at a kill
 * may get it twice (nothing records which pages reached the lead), no other.
 */
const LEADS = 8;
const KILLS = 2;
const SEED = 1_208;
/**
 * Both kills, restarts and lease waits (about 35 s measured on a loaded 2-core machine) must fit in
 * the minute the run key names, so the run starts at the top of a minute.
 */
const LATEST_START_SECOND = 3;

describe("bot process killed while sending digests", function () {
  this.timeout(180_000);
  let groups: ProcessGroups;
  afterEach(async () => groups.close());

  it("after a kill, `digest` again in the same run reaches every lead, twice at most for the one in flight", async () => {
    groups = await startProcessGroups([7]);
    const { connector, coordinator } = groups;
    const leads = makePeople("Lead", LEADS);
    connector.roster = leads;
    const random = seededRandom(SEED);
    const digestPages = () => connector.recorded.filter((entry) => entry.conversationId.startsWith("a:personal-"));
    let bot = await groups.startBot();
    await groups.say(bot, coordinator, 7, "assign 7", leads);

    if (new Date().getUTCSeconds() > LATEST_START_SECOND)
      await waitFor(() => new Date().getUTCSeconds() < 2, "the next minute");
    const runMinute = new Date().toISOString().slice(0, 16);
    for (let kill = 0; kill < KILLS; kill += 1) {
      const killAfter = digestPages().length + random.int(1, 3);
      await groups.say(bot, coordinator, 7, "digest");
      await waitFor(() => digestPages().length >= killAfter, `${killAfter} digest pages`);
      await bot.kill();
      const killedAt = Date.now();
      bot = await groups.startBot();
      await waitFor(() => Date.now() > killedAt + DIGEST_CLAIM_LEASE_MS + 500, "the dead process's claim to go stale");
    }
    const from = connector.recorded.length;
    await groups.say(bot, coordinator, 7, "digest");
    await waitFor(
      () => noticesSince(connector, from, /^Digest sent to \d+ lead\(s\)$/).length === 1,
      "the digest report",
    );
    await bot.stop();
    assert.equal(
      new Date().toISOString().slice(0, 16),
      runMinute,
      "all runs shared one run key (the minute); rerun the test if this fails",
    );

    const [report] = noticesSince(connector, from, /^Digest sent to \d+ lead\(s\)$/);
    assert.ok(report?.includes(`Digest sent to ${LEADS} lead(s)`), report?.join(" | "));
    const perLead = leads.map(
      (lead) => digestPages().filter((entry) => entry.conversationId === `a:personal-${lead.id}`).length,
    );
    const pages = Math.min(...perLead);
    assert.ok(pages >= 1, `every lead got the digest: ${perLead.join(", ")}`);
    const twice = perLead.filter((count) => count > pages).length;
    assert.ok(twice <= KILLS, `at most one lead per kill got it twice: ${perLead.join(", ")}`);
    const storage = openStorage({ connectionString: testTablesConnectionString(), tablePrefix: groups.tablePrefix });
    const runKey = `${firstAssessmentId(TENANT_ID)}|7|${runMinute.slice(0, 10)}|${runMinute.slice(11, 16)}`;
    const deliveries = await storage.deliveries.list("digest", runKey);
    assert.deepEqual(
      deliveries.map((delivery) => delivery.state),
      Array.from({ length: LEADS }, () => "done"),
    );
    console.log(
      `      digest kills: ${KILLS} SIGKILLs; pages per lead ${perLead.join(",")}; missed 0, leads served twice ${twice}`,
    );
  });
});
