import { startGroupScenario, assignArea } from "../test/support/groupScenario";
import { makePeople, type TeamsPerson } from "../simulator/teams/people";
import { cardAction, type TeamsChannel } from "../simulator/teams/teamsActivities";
import { startBareBot } from "./bareBot";
import { drive, type LoadResult } from "./loadGenerator";

/**
 * Submit path: Action.Execute `submitAnswer` invokes over HTTP at a given concurrency, against the
 * real bot (validate, save to Azurite, audit, own-view card) and against a bare botbuilder bot
 * that returns a constant card. Both get the same activities in the same order.
 */
export interface SubmitLevelResult {
  concurrency: number;
  phase: "create" | "edit";
  bot: LoadResult;
  bare: LoadResult;
}

const STATEMENTS = "abcdefghijklmno".split("").map((letter) => `7${letter}`);
const THREAD = "1700000000000001";

function answerActivities(serviceUrl: string, channel: TeamsChannel, assessmentId: string, people: readonly TeamsPerson[], edit: boolean): object[] {
  return people.map((from, index) =>
    cardAction({
      serviceUrl,
      from,
      channel,
      conversationId: `${channel.channelId};messageid=${THREAD}`,
      verb: "submitAnswer",
      data: {
        assessmentId,
        areaNumber: "7",
        statementId: STATEMENTS[index % STATEMENTS.length]!,
        rating: String(edit ? ((index + 1) % 4) + 1 : (index % 4) + 1),
        evidence: edit ? `Revised: checked the pathway plans again (${index})` : `Pathway plans reviewed in March, sample of ${index + 5} cases`,
        ideas: edit ? "Add a housing panel and a review date" : "Add a housing panel",
      },
    }),
  );
}

/** A saved answer comes back as the own-view card; a refusal says "not saved". */
function savedOk(status: number, body: string): boolean {
  return status === 200 && body.includes("application/vnd.microsoft.card.adaptive") && !/not saved/i.test(body);
}
const bareOk = (status: number, body: string) => status === 200 && body.includes("application/vnd.microsoft.card.adaptive");

export async function runSubmitLevel(concurrency: number, creates: number, edits: number, warmup: number): Promise<SubmitLevelResult[]> {
  // A fresh bot and fresh tables per level, so every level starts from the same stored state.
  const scenario = await startGroupScenario({ memberCount: 1 });
  const bare = await startBareBot();
  try {
    await assignArea(scenario, 7);
    const serviceUrl = scenario.harness.connector.url;
    const botUrl = `${scenario.harness.url}/api/messages`;
    const bareUrl = `${bare.url}/api/messages`;
    const warm = answerActivities(serviceUrl, scenario.channel, scenario.assessmentId, makePeople("Warm", warmup), false);
    await drive(botUrl, warm, Math.min(concurrency, 10), savedOk);
    await drive(bareUrl, warm, Math.min(concurrency, 10), bareOk);
    await scenario.harness.app.idle();

    const people = makePeople("Member", creates);
    const createBodies = answerActivities(serviceUrl, scenario.channel, scenario.assessmentId, people, false);
    const editBodies = answerActivities(serviceUrl, scenario.channel, scenario.assessmentId, people.slice(0, edits), true);
    const bareCreate = await drive(bareUrl, createBodies, concurrency, bareOk);
    const botCreate = await drive(botUrl, createBodies, concurrency, savedOk);
    await scenario.harness.app.idle();
    const bareEdit = await drive(bareUrl, editBodies, concurrency, bareOk);
    const botEdit = await drive(botUrl, editBodies, concurrency, savedOk);
    await scenario.harness.app.idle();

    const stored = await scenario.harness.app.services.storage.responses.listAreaAnswers(scenario.assessmentId, 7);
    if (stored.length !== warmup + creates) throw new Error(`expected ${warmup + creates} stored answers at concurrency ${concurrency}, found ${stored.length}`);
    return [
      { concurrency, phase: "create", bot: botCreate, bare: bareCreate },
      { concurrency, phase: "edit", bot: botEdit, bare: bareEdit },
    ];
  } finally {
    await bare.close();
    await scenario.harness.close();
  }
}
