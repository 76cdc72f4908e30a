import assert from "node:assert/strict";
import { firstAssessmentId } from "../../bot/app/currentAssessment";
import { seededRandom } from "../../simulator/assessment/generateAssessmentRandom";
import { makePeople, makePerson, type TeamsPerson } from "../../simulator/teams/people";
import { cardAction, TENANT_ID } from "../../simulator/teams/teamsActivities";
import { openStorage } from "../../storage/openStorage";
import { testTablesConnectionString } from "../support/azuriteForTests";
import type { BotProcess } from "../support/botProcess";
import { StorageFaultProxy } from "../support/storageFaultProxy";
import { readInvoke, type InvokeResult } from "../support/groupScenario";
import { startProcessGroups, type ProcessGroups } from "./startProcessGroups";
import { defined } from "../support/defined";

/**
 * Two bot processes on one set of tables, as two instances behind one endpoint: 50 members answer
 * three statements each (a third of them change an answer), alternating between the processes,
 * while two leads record agreed ratings on the same statements through both processes at once.
 * No lost update means: each member's stored answer is their last submission, each decision is
 * one of the leads' last ones, and the audit holds exactly one entry per successful change (an
 * answer's in its row's trail: a save refused by the other process's write re-reads the row, so the
 * entry joins the trail that write left, losing none).
 * A conflict that outlived the repositories' retries must have reached the user as a refusal.
 */
const MEMBERS = 50;
const STATEMENTS = ["7a", "7b", "7c"] as const;
const DECIDED = ["7a", "7b", "7c", "7d"] as const;
const DECISION_ROUNDS = 5;
const SEED = 5_050;

interface Submission {
  member: TeamsPerson;
  statementId: string;
  rating: string;
  evidence: string;
}

describe("two bot processes on one store under concurrent answers and moderation", function () {
  this.timeout(180_000);
  let groups: ProcessGroups;
  let proxy: StorageFaultProxy;
  afterEach(async () => {
    await groups.close();
    await proxy.close();
  });

  it("loses no update: last answers and decisions stored, one audit entry per change, conflicts reported", async () => {
    // Never cut here: the proxy only counts what storage answered, 412s (a write lost a race) included.
    proxy = await StorageFaultProxy.start(testTablesConnectionString());
    groups = await startProcessGroups([7], { tablesConnectionString: proxy.connectionString });
    const { connector, coordinator, lead } = groups;
    const secondLead = makePerson("Lou Lead");
    connector.roster = [lead, secondLead];
    const bots = [await groups.startBot(), await groups.startBot()] as const;
    await groups.say(bots[0], coordinator, 7, "assign 7", [lead, secondLead]);
    const statusesBefore = new Map(proxy.responseStatuses);
    const racesLost = (status: number) => (proxy.responseStatuses.get(status) ?? 0) - (statusesBefore.get(status) ?? 0);
    const assessmentId = firstAssessmentId(TENANT_ID);
    const channel = defined(groups.channels.get(7));
    const random = seededRandom(SEED);
    let turn = 0;
    const act = async (from: TeamsPerson, verb: string, data: Record<string, unknown>): Promise<InvokeResult> => {
      const bot: BotProcess = defined(bots[turn++ % 2]);
      return readInvoke(
        await bot.post(
          cardAction({
            serviceUrl: connector.url,
            from,
            channel,
            verb,
            data: { assessmentId, areaNumber: "7", ...data },
          }),
        ),
      );
    };

    const plans = makePeople("Member", MEMBERS).map((member, index) => {
      const submissions: Submission[] = STATEMENTS.map((statementId) => ({
        member,
        statementId,
        rating: String(random.int(1, 4)),
        evidence: `${statementId} first by ${index}`,
      }));
      if (index % 3 === 0)
        submissions.push({
          member,
          statementId: "7a",
          rating: String(random.int(1, 4)),
          evidence: `7a changed by ${index}`,
        });
      return submissions;
    });
    // Per round each lead records every statement at once: the two leads' writes race on the same rows.
    const decisionRounds = [lead, secondLead].map((person, leadIndex) =>
      Array.from({ length: DECISION_ROUNDS }, (_, round) =>
        DECIDED.map((statementId) => ({ person, statementId, rating: String(((leadIndex + round) % 4) + 1) })),
      ),
    );

    let saved = 0;
    const refusedAnswers: string[] = [];
    const decided: Array<{ person: TeamsPerson; statementId: string; rating: string }> = [];
    const refusedDecisions: string[] = [];
    await Promise.all([
      ...plans.map(async (submissions) => {
        for (const submission of submissions) {
          const result = await act(submission.member, "submitAnswer", {
            statementId: submission.statementId,
            rating: submission.rating,
            evidence: submission.evidence,
            ideas: "",
          });
          if (result.status === 200 && result.texts.some((text) => text.includes("Your answer is saved"))) saved += 1;
          else refusedAnswers.push(`${result.status} ${result.texts.slice(0, 2).join(" ")}`);
        }
      }),
      ...decisionRounds.map(async (rounds) => {
        for (const round of rounds) {
          await Promise.all(
            round.map(async (decision) => {
              const result = await act(decision.person, "recordDecision", {
                statementId: decision.statementId,
                [`agreed_${decision.statementId}`]: decision.rating,
                [`rationale_${decision.statementId}`]: "Agreed in the moderation meeting",
              });
              if (
                result.status === 200 &&
                result.texts.some((text) => text === `Agreed rating for ${decision.statementId} recorded`)
              )
                decided.push(decision);
              else refusedDecisions.push(`${result.status} ${result.texts.slice(0, 2).join(" ")}`);
            }),
          );
        }
      }),
    ]);
    await Promise.all(bots.map((bot) => bot.stop()));

    const storage = openStorage({ connectionString: testTablesConnectionString(), tablePrefix: groups.tablePrefix });
    const stored = await storage.responses.listAreaAnswers(assessmentId, 7);
    const submitted = plans.flat();
    assert.equal(refusedAnswers.length, 0, refusedAnswers.join("\n"));
    assert.equal(stored.length, MEMBERS * STATEMENTS.length, "one answer per member and statement");
    let lost = 0;
    for (const submissions of plans) {
      for (const statementId of STATEMENTS) {
        const last = defined(submissions.filter((submission) => submission.statementId === statementId).at(-1));
        const answer = stored.find(
          (candidate) =>
            candidate.respondent.aadObjectId === last.member.aadObjectId && candidate.statementId === statementId,
        );
        if (String(answer?.rating) !== last.rating || answer?.evidence !== last.evidence) lost += 1;
      }
    }
    assert.equal(lost, 0, "every member's stored answer is their last submission");

    const audit = await storage.audit.list(assessmentId);
    assert.equal(
      audit.filter((entry) => entry.action === "answerCreated" || entry.action === "answerChanged").length,
      saved,
      "one audit entry per saved change",
    );
    assert.equal(
      audit.filter((entry) => entry.action === "decisionRecorded").length,
      decided.length,
      "one audit entry per recorded decision",
    );
    for (const statementId of DECIDED) {
      const decision = await storage.moderation.getDecision(assessmentId, statementId);
      const lastOfEach = [lead, secondLead].map(
        (person) =>
          decided.filter((entry) => entry.person === person && entry.statementId === statementId).at(-1)?.rating,
      );
      assert.ok(
        lastOfEach.includes(String(decision?.agreedRating)),
        `${statementId}: stored ${decision?.agreedRating}, leads' last ${lastOfEach.join(", ")}`,
      );
    }
    // Anything refused must have been a card saying so, never a silent failure.
    assert.ok(
      refusedDecisions.every((text) => text.startsWith("200 ")),
      refusedDecisions.join("\n"),
    );
    console.log(
      `      two processes: ${submitted.length} answers submitted, ${saved} saved, lost ${lost}; ${decided.length + refusedDecisions.length} decisions, ${refusedDecisions.length} refused; storage answered 412 ${racesLost(412)}x and 409 ${racesLost(409)}x (each re-read and retried)`,
    );
  });
});
