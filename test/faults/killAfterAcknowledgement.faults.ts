import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_FRAMEWORK_PATH, loadFramework } from "../../storage/framework/loadFramework";
import { firstAssessmentId } from "../../bot/app/currentAssessment";
import { seededRandom } from "../../simulator/assessment/generateAssessmentRandom";
import { makePeople, type TeamsPerson } from "../../simulator/teams/people";
import { cardAction, TENANT_ID } from "../../simulator/teams/teamsActivities";
import { connectionStringFor } from "../../storage/embeddedAzurite";
import { openStorage, type AppStorage } from "../../storage/openStorage";
import { readInvoke } from "../support/groupScenario";
import { waitFor } from "../support/waitFor";
import { noticesSince, postedAreaCards } from "./connectorRecords";
import { startProcessGroups, type ProcessGroups } from "./startProcessGroups";
import { defined } from "../support/defined";

/**
 * Issue 13: a confirmation is a promise kept across kill -9. The real bot (`bot/main.ts`) runs on
 * the embedded default with a data folder; members answer as fast as they can through HTTP; the
 * process is SIGKILLed at seeded random moments — some a few ms after an acknowledgement, some
 * right after a restart reported ready, one right after `start` reported the area ready — and
 * restarted on the same folder. After every restart, every answer a member was told was saved is
 * stored (or a newer one of theirs that was in flight at the kill), each stored answer has its audit
 * entry, every acknowledged change has one, and the set-up rows are all there. (An answer's entries
 * are in its row's trail, written with it, or "a" rows once a full trail moved out in one
 * transaction with the row: members changing answers this fast move trails out too.)
 */
const RUNS = 21;
const MEMBERS = 12;
const SEED = 13_002;

interface Acknowledged {
  member: TeamsPerson;
  statementId: string;
  evidence: string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return port;
}

describe("bot process killed right after confirming answers (embedded default)", function () {
  this.timeout(1_000_000);
  let groups: ProcessGroups;
  let location: string;
  afterEach(async () => {
    await groups.close();
    await rm(location, { recursive: true, force: true });
  });

  it("keeps every acknowledged answer, its audit entry and every set-up row across kill -9", async () => {
    location = await mkdtemp(join(tmpdir(), "kill-test-"));
    const port = await freePort();
    groups = await startProcessGroups([7], { embeddedAzurite: { location, port } });
    const { connector, coordinator, lead } = groups;
    const storage = openStorage({ connectionString: connectionStringFor(port), tablePrefix: groups.tablePrefix });
    const assessmentId = firstAssessmentId(TENANT_ID);
    const channel = defined(groups.channels.get(7));
    const statements = defined(
      loadFramework(DEFAULT_FRAMEWORK_PATH).areas.find((area) => area.number === 7),
    ).statements.map((statement) => statement.id);
    const members = makePeople("Member", MEMBERS);
    const random = seededRandom(SEED);

    const acknowledged = new Map<string, Acknowledged[]>();
    /** Per (member, statement), submissions sent since its last acknowledgement: any may be stored ("NOT saved" or cut off can still have been written). */
    const unconfirmed = new Map<string, string[]>();
    // Set-up, then kill as soon as `start` reports the area ready: every card in the channel must still have its row.
    let bot = await groups.startBot();
    await groups.say(bot, coordinator, 7, "assign 7", [lead]);
    const from = connector.recorded.length;
    await groups.say(bot, lead, 7, "start");
    await waitFor(() => noticesSince(connector, from, /^Area 7 is ready$/).length === 1, "area 7 to report ready");
    await bot.kill();
    let restarts = 0;
    const setUpAudit = await readAfterRestart();
    const cardsInChannel = postedAreaCards(connector).length;

    let acknowledgedCount = 0;
    const kinds = { afterAcknowledgement: 0, randomMoment: 0, afterReady: 0 };
    for (let run = 1; run < RUNS; run += 1) {
      if (run % 7 === 0) {
        // Killed as soon as the restarted process reports ready (its replay and checkpoint just ran).
        kinds.afterReady += 1;
        await bot.kill();
        bot = await groups.startBot();
        await bot.kill();
        await readAfterRestart(setUpAudit);
        continue;
      }
      const killAfterAck = run % 2 === 0;
      let stop = false;
      let acksThisRun = 0;
      const killAt = random.int(5, 60);
      const killed = new Promise<void>((resolve) => {
        const submitLoop = async (member: TeamsPerson, index: number) => {
          for (let n = 0; !stop; n += 1) {
            const statementId = defined(statements[(index + n) % statements.length]);
            const evidence = `run ${run} answer ${n} of ${member.name}`;
            const key = `${member.aadObjectId}|${statementId}`;
            unconfirmed.set(key, [...(unconfirmed.get(key) ?? []), evidence]);
            const data = {
              assessmentId,
              areaNumber: "7",
              statementId,
              rating: String(random.int(1, 4)),
              evidence,
              ideas: "",
            };
            let saved: boolean;
            try {
              saved = readInvoke(
                await bot.post(
                  cardAction({ serviceUrl: connector.url, from: member, channel, verb: "submitAnswer", data }),
                ),
              ).texts.some((text) => text.includes("Your answer is saved"));
            } catch {
              return; // the connection died with the process: not acknowledged
            }
            // Any "saved" that arrives was sent before the process died: it is a promise to keep.
            if (saved) {
              unconfirmed.set(key, []);
              acknowledged.set(key, [...(acknowledged.get(key) ?? []), { member, statementId, evidence }]);
              acknowledgedCount += 1;
              acksThisRun += 1;
            }
            // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- another loop may have set stop while this one awaited.
            if (killAfterAck && !stop && acksThisRun >= killAt) {
              stop = true;
              setTimeout(resolve, random.int(0, 10));
            }
          }
        };
        members.forEach((member, index) => void submitLoop(member, index));
        if (!killAfterAck)
          setTimeout(
            () => {
              stop = true;
              resolve();
            },
            random.int(100, 1_500),
          );
      });
      await killed;
      await bot.kill();
      if (killAfterAck) kinds.afterAcknowledgement += 1;
      else kinds.randomMoment += 1;
      await readAfterRestart(setUpAudit);
    }
    await bot.stop();
    console.log(
      `      kill -9: ${RUNS} runs (${kinds.afterAcknowledgement} within 10 ms of an acknowledgement, ${kinds.randomMoment} at random moments, ` +
        `${kinds.afterReady} right after a restart was ready, 1 right after "Area 7 is ready"); ${acknowledgedCount} answers acknowledged, ` +
        `the latest of ${acknowledged.size} (member, statement) pairs all found after every restart, 0 lost; ${cardsInChannel} cards in the channel, each with its row`,
    );

    /** Restarts on the same folder and checks everything acknowledged so far (`setUpAudit`: once the set-up is known). */
    async function readAfterRestart(setUpAudit?: number): Promise<number> {
      restarts += 1;
      bot = await groups.startBot().catch((error: unknown) => {
        throw new Error(`restart ${restarts} failed: ${String(error)}`);
      });
      const setUp = await checkSetUp(storage, setUpAudit);
      await checkAnswers(storage);
      return setUp;
    }

    async function checkSetUp(stored: AppStorage, setUpAudit: number | undefined): Promise<number> {
      assert.ok(await stored.assessments.get(assessmentId), "the assessment");
      assert.equal(
        (await stored.assignments.get(assessmentId, 7))?.value.leads[0]?.aadObjectId,
        lead.aadObjectId,
        "the assignment",
      );
      const rows = await stored.postedCards.list(assessmentId, 7);
      assert.equal(
        rows.filter((row) => row.state === "posted").length,
        postedAreaCards(connector).length,
        "a row for every card in the channel",
      );
      const audit = (await stored.audit.list(assessmentId)).filter((entry) => !entry.action.startsWith("answer"));
      if (setUpAudit !== undefined) assert.ok(audit.length >= setUpAudit, "the set-up's audit entries");
      else assert.ok(audit.length > 0, "the assignment's audit entry");
      return audit.length;
    }

    async function checkAnswers(stored: AppStorage): Promise<void> {
      const answers = await stored.responses.listAreaAnswers(assessmentId, 7);
      const audit = (await stored.audit.list(assessmentId)).filter((entry) => entry.action.startsWith("answer"));
      for (const [key, versions] of acknowledged) {
        const last = defined(versions.at(-1));
        const answer = answers.find(
          (candidate) => `${candidate.respondent.aadObjectId}|${candidate.statementId}` === key,
        );
        const allowed = [last.evidence, ...(unconfirmed.get(key) ?? [])];
        assert.ok(
          answer && allowed.includes(answer.evidence),
          `${key}: acknowledged "${last.evidence}", stored "${answer?.evidence}"`,
        );
        const entries = audit.filter((entry) => `${entry.actorAadObjectId}|${entry.target}` === key);
        assert.ok(
          entries.length >= versions.length,
          `${key}: ${versions.length} acknowledged changes, ${entries.length} audit entries`,
        );
      }
      for (const answer of answers) {
        const own = audit.some(
          (entry) =>
            entry.actorAadObjectId === answer.respondent.aadObjectId &&
            entry.target === answer.statementId &&
            entry.at === answer.updatedAt,
        );
        assert.ok(own, `${answer.respondent.aadObjectId}|${answer.statementId}: stored without its audit entry`);
      }
    }
  });
});
