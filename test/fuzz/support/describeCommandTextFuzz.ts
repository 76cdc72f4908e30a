import assert from "node:assert/strict";
import fc from "fast-check";
import { startGroupScenario, assignArea, cardTexts, type GroupScenario } from "../../support/groupScenario";
import { testTablesConnectionString } from "../../support/azuriteForTests";
import {
  channelMessage,
  makeChannel,
  personalMessage,
  type TeamsChannel,
} from "../../../simulator/teams/teamsActivities";
import { cardsOf } from "../../../simulator/teams/connectorStandIn";
import { parseCommand } from "../../../bot/commands/parseCommand";
import { textWithoutMentions } from "../../../bot/teams/mentions";
import { fuzzedMessage, type FuzzedMessage } from "../arbitraries/fuzzedMessage";
import { auditStoredEntities } from "./auditStoredEntities";
import { assertHealthy } from "./assertHealthy";
import { turnFailures } from "./turnFailures";
import { checkCommandTextInProcess } from "./checkCommandTextInProcess";
import { countFuzzed, printFuzzTally } from "./fuzzTally";
import { fuzzSeed } from "./fuzzSeed";

const HEALTH_CHECK_EVERY = 50;
/** What the adapter's onTurnError says: seeing it means a command crashed its turn. */
const TURN_FAILED_REPLY = "something went wrong on my side";

interface CommandFuzzLane {
  scenario: GroupScenario;
  otherChannel: TeamsChannel;
  runs: number;
}

/**
 * The command-text fuzz suite over HTTP: messages from the coordinator, the lead or a member, in
 * the group's channel, another channel or a 1:1 chat, with hostile text and @mentions. Each must be
 * answered (a reply reaches the conversation) without the turn failing, and afterwards every
 * stored entity must be well-formed.
 */
export function describeCommandTextFuzz(options: { numRuns: number; lanes: number; inProcessRuns: number }): void {
  after(printFuzzTally);

  describe(`command texts fuzzed over HTTP (${options.numRuns} inputs, ${options.lanes} bots in parallel)`, function () {
    this.timeout(options.numRuns * 300 + 60_000);
    let lanes: CommandFuzzLane[] = [];

    before(async () => {
      lanes = await Promise.all(Array.from({ length: options.lanes }, () => startLane()));
    });
    after(async () => {
      await Promise.all(lanes.map((lane) => lane.scenario.harness.close()));
    });

    it("answers every message with a reply, never a failed turn, and shows unknown words as typed", async () => {
      const started = Date.now();
      const seed = fuzzSeed();
      await Promise.all(
        lanes.map((lane, index) =>
          fc.assert(laneProperty(lane), {
            seed: seed + 1_000 + index,
            numRuns: Math.ceil(options.numRuns / lanes.length),
          }),
        ),
      );
      const runs = lanes.reduce((sum, lane) => sum + lane.runs, 0);
      console.log(`    ${runs} command texts over HTTP in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });

    it(`takes ${options.inProcessRuns} more messages in-process: caller, mentions, command word and arguments parse without throwing`, () => {
      const lane = lanes[0];
      assert.ok(lane);
      const seed = fuzzSeed();
      fc.assert(
        fc.property(fuzzedMessage, (message) => {
          countFuzzed("command texts", "in-process");
          checkCommandTextInProcess(activityFor(lane, message).activity);
        }),
        { seed: seed + 1_500, numRuns: options.inProcessRuns },
      );
    });

    it("left every entity of every table well-formed and the bot healthy", async () => {
      for (const lane of lanes) {
        const { harness } = lane.scenario;
        await harness.app.idle();
        await assertHealthy(lane.scenario.harness);
        assert.deepEqual(turnFailures(harness.logLines), []);
        const audit = await auditStoredEntities({
          connectionString: testTablesConnectionString(),
          tablePrefix: harness.tablePrefix,
          compiledFiles: harness.app.services.storage.compiledFiles,
        });
        assert.deepEqual(audit.problems, []);
        assert.ok(audit.counts.assignments >= 1 && audit.counts.conversations >= 1, JSON.stringify(audit.counts));
      }
    });
  });
}

async function startLane(): Promise<CommandFuzzLane> {
  const scenario = await startGroupScenario({ memberCount: 3 });
  await assignArea(scenario, 7);
  await scenario.say(scenario.lead, "start 7");
  await scenario.harness.app.idle();
  return { scenario, otherChannel: makeChannel("Another working group"), runs: 0 };
}

function activityFor(
  lane: CommandFuzzLane,
  message: FuzzedMessage,
): { activity: Record<string, unknown>; conversationPrefix: string } {
  const { scenario } = lane;
  const from =
    message.author === "coordinator"
      ? scenario.coordinator
      : message.author === "lead"
        ? scenario.lead
        : (scenario.members[0] ?? scenario.lead);
  const serviceUrl = scenario.harness.connector.url;
  if (message.place === "personal")
    return {
      activity: personalMessage({ serviceUrl, from, text: message.text }),
      conversationPrefix: `a:personal-${from.id}`,
    };
  const channel = message.place === "group" ? scenario.channel : lane.otherChannel;
  const activity: Record<string, unknown> = channelMessage({
    serviceUrl,
    from,
    channel,
    text: message.text,
    mentions: message.mentions,
  });
  if (message.rawEntities !== undefined) activity["entities"] = message.rawEntities;
  return { activity, conversationPrefix: channel.channelId };
}

function laneProperty(lane: CommandFuzzLane) {
  const { harness } = lane.scenario;
  return fc.asyncProperty(fuzzedMessage, async (message) => {
    lane.runs += 1;
    countFuzzed("command texts", "http");
    const { activity, conversationPrefix } = activityFor(lane, message);
    const before = harness.connector.recorded.length;
    const response = await harness.post(activity);
    assert.equal(response.status, 200);
    const replies = harness.connector.recorded
      .slice(before)
      .filter((entry) => entry.conversationId.startsWith(conversationPrefix));
    assert.ok(replies.length > 0, "the bot replied in the conversation");
    const said = replies.flatMap((entry) => [
      typeof entry.activity["text"] === "string" ? entry.activity["text"] : "",
      ...cardsOf(entry.activity).flatMap(cardTexts),
    ]);
    assert.ok(
      !said.some((text) => text.includes(TURN_FAILED_REPLY)),
      `the turn failed: ${said.join(" | ").slice(0, 400)}`,
    );
    assert.ok(
      said.some((text) => text.trim() !== ""),
      "the reply says something",
    );
    const command = parseCommand(textWithoutMentions(typeof activity["text"] === "string" ? activity["text"] : ""));
    if (command.kind === "unknown") {
      // The word is shown exactly as typed: no ${…} in it is evaluated by the card templating.
      assert.ok(
        said.includes(`I don't know "${command.word}"`),
        `the unknown word is shown as typed: ${said.join(" | ").slice(0, 400)}`,
      );
    }
    if (lane.runs % HEALTH_CHECK_EVERY === 0) await assertHealthy(lane.scenario.harness);
  });
}
