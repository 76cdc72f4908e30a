import assert from "node:assert/strict";
import { startGroupScenario, assignArea, readInvoke, type GroupScenario } from "../support/groupScenario";
import { cardAction, channelMessage } from "../../simulator/teams/teamsActivities";
import { hasWarning } from "./support/hasWarning";
import { turnFailures } from "./support/turnFailures";
import { defined } from "../support/defined";

/** The smallest inputs fuzzing found that failed a turn, kept as examples (see test/fuzz/*.faults.ts). */
describe("fuzzing regressions over HTTP", () => {
  let scenario: GroupScenario;

  before(async () => {
    scenario = await startGroupScenario();
    await assignArea(scenario, 7);
  });
  after(async () => {
    await scenario.harness.close();
  });

  let logsBefore = 0;
  beforeEach(() => {
    logsBefore = scenario.harness.logLines.length;
  });
  const failuresSinceTestStart = () => turnFailures(scenario.harness.logLines.slice(logsBefore));

  it("answers an adaptiveCard/action whose value has no `action` with a card, not HTTP 501", async () => {
    for (const value of [[], 0, null, { action: 5 }, { action: { type: "Action.Submit", verb: "submitAnswer" } }]) {
      const activity = {
        ...cardAction({
          serviceUrl: scenario.harness.connector.url,
          from: defined(scenario.members[0]),
          channel: scenario.channel,
          verb: "submitAnswer",
          data: {},
        }),
        value,
      };
      const reply = readInvoke(await scenario.harness.post(activity));
      assert.equal(reply.status, 200, JSON.stringify(value));
      assert.ok(reply.texts.includes("That card action was not in a form I understand."), reply.texts.join(" | "));
      assert.ok(hasWarning(reply.card));
    }
    assert.deepEqual(failuresSinceTestStart(), []);
  });

  it("answers a message whose `entities` is not an array", async () => {
    const before = scenario.harness.connector.recorded.length;
    const activity = {
      ...channelMessage({
        serviceUrl: scenario.harness.connector.url,
        from: scenario.coordinator,
        channel: scenario.channel,
        text: "status 7",
      }),
      entities: 0,
    };
    assert.equal((await scenario.harness.post(activity)).status, 200);
    assert.ok(scenario.harness.connector.recorded.length > before, "the bot replied");
    assert.deepEqual(failuresSinceTestStart(), []);
  });

  it("refuses a blank or signed agreed global score instead of recording 0 or 3", async () => {
    const data = {
      assessmentId: scenario.assessmentId,
      areaNumber: "7",
      globalRationale: "Agreed at the moderation meeting",
    };
    for (const agreedGlobalScore of [" ", "+3", "3.0", "0x3", "1e1"]) {
      const reply = await scenario.act(scenario.lead, "recordGlobalDecision", { ...data, agreedGlobalScore }, null);
      assert.ok(
        reply.texts.includes("Choose the agreed global score, from 0 to 10."),
        `${JSON.stringify(agreedGlobalScore)}: ${reply.texts.join(" | ")}`,
      );
    }
    assert.equal(
      await scenario.harness.app.services.storage.moderation.getGlobalDecision(scenario.assessmentId, 7),
      undefined,
    );
    const saved = await scenario.act(
      scenario.lead,
      "recordGlobalDecision",
      { ...data, agreedGlobalScore: " 7 " },
      null,
    );
    assert.ok(saved.texts.includes("Agreed global score: 7 out of 10."), saved.texts.join(" | "));
  });

  it("checks a rationale's length on the whole text, not on the echo's first 12,000 characters", async () => {
    const rationale = `${"\u0000".repeat(12_000)}${"x".repeat(2_001)}`;
    const reply = await scenario.act(
      scenario.lead,
      "recordDecision",
      {
        assessmentId: scenario.assessmentId,
        areaNumber: "7",
        statementId: "7a",
        agreed_7a: "3",
        rationale_7a: rationale,
      },
      null,
    );
    assert.ok(reply.texts.includes("Rationale is too long: keep it under 2000 characters"), reply.texts.join(" | "));
    assert.equal(
      await scenario.harness.app.services.storage.moderation.getDecision(scenario.assessmentId, "7a"),
      undefined,
    );
  });

  it("does not take a mention with a 129-character AAD object id as a lead (it could not be stored)", async () => {
    const forged = { id: "29:1forged", name: "Forged Lead", aadObjectId: "a".repeat(129) };
    const response = await scenario.say(scenario.coordinator, "assign 7", [scenario.lead, forged]);
    assert.equal(response.status, 200);
    assert.deepEqual(failuresSinceTestStart(), []);
    const assignment = await scenario.harness.app.services.storage.assignments.get(scenario.assessmentId, 7);
    assert.deepEqual(
      assignment?.value.leads.map((lead) => lead.aadObjectId),
      [scenario.lead.aadObjectId],
    );
  });
});
