import assert from "node:assert/strict";
import { startGroupScenario, assignArea, readInvoke, type GroupScenario } from "../support/groupScenario";
import { startBotHarness } from "../support/botHarness";
import { cardAction, channelMessage } from "../../simulator/teams/teamsActivities";
import { makePeople } from "../../simulator/teams/people";
import { cardsOf } from "../../simulator/teams/connectorStandIn";
import { postAreaCards } from "../../bot/posting/postAreaCards";
import type { PacedSender } from "../../bot/posting/pacedSender";
import type { SendOutcome } from "../../bot/posting/sendOutcome";
import { defined } from "../support/defined";

function postedStatementKeys(scenario: GroupScenario): string[] {
  return scenario.harness.connector.recorded
    .filter((entry) => entry.kind === "create")
    .map((entry) => JSON.stringify(cardsOf(entry.activity)[0] ?? {}))
    .map((text) => text.match(/"statementId":"(7[a-o]|global)"/)?.[1] ?? (text.includes("What to do") ? "intro" : "?"));
}

describe("working groups under load and faults", () => {
  let scenario: GroupScenario;
  afterEach(async () => scenario.harness.close());

  it("keeps all 30 answers when 30 members submit at once, and edits replace answers", async () => {
    scenario = await startGroupScenario({ memberCount: 30 });
    await assignArea(scenario, 7);
    const results = await Promise.all(
      scenario.members.map((member, index) =>
        scenario.answer(member, 7, "7c", { rating: String((index % 4) + 1), evidence: `Evidence ${index}`, ideas: "" }),
      ),
    );
    assert.ok(results.every((result) => result.texts.some((text) => text.includes("Your answer is saved"))));
    const stored = await scenario.harness.app.services.storage.responses.listAreaAnswers(scenario.assessmentId, 7);
    assert.equal(stored.filter((answer) => answer.statementId === "7c").length, 30);

    const editor = defined(scenario.members[0]);
    await scenario.answer(editor, 7, "7c", { rating: "4", evidence: "Changed my mind after the audit", ideas: "" });
    const edited = await scenario.harness.app.services.storage.responses.getAnswer(
      scenario.assessmentId,
      7,
      "7c",
      editor.aadObjectId,
    );
    assert.equal(edited?.rating, 4);
    assert.equal(
      (await scenario.harness.app.services.storage.responses.listAreaAnswers(scenario.assessmentId, 7)).length,
      30,
    );
  });

  it("treats the same answer submitted twice as one (audited once)", async () => {
    scenario = await startGroupScenario();
    await assignArea(scenario, 7);
    const member = defined(scenario.members[0]);
    await scenario.answer(member, 7, "7b", { rating: "2", evidence: "Same", ideas: "" });
    await scenario.answer(member, 7, "7b", { rating: "2", evidence: "Same", ideas: "" });
    const audit = await scenario.harness.app.services.storage.audit.list(scenario.assessmentId);
    assert.equal(audit.filter((entry) => entry.target === "7b").length, 1);
  });

  it("refuses forged card data: another group's area, an invented statement, an old assessment", async () => {
    scenario = await startGroupScenario();
    await assignArea(scenario, 7);
    const member = defined(scenario.members[0]);
    const otherArea = await scenario.act(member, "submitAnswer", {
      assessmentId: scenario.assessmentId,
      areaNumber: "8",
      statementId: "8a",
      rating: "4",
    });
    const invented = await scenario.answer(member, 7, "7z", { rating: "4" });
    const mismatched = await scenario.answer(member, 7, "8a", { rating: "4" });
    const old = await scenario.act(member, "submitAnswer", {
      assessmentId: "someone-else.1",
      areaNumber: "7",
      statementId: "7a",
      rating: "4",
    });
    for (const refused of [otherArea, invented, mismatched, old]) {
      assert.equal(refused.status, 200);
      assert.ok(
        refused.texts.some((text) => text.includes("was not saved")),
        refused.texts.join(" | "),
      );
    }
    assert.equal(
      (await scenario.harness.app.services.storage.responses.listAreaAnswers(scenario.assessmentId, 7)).length,
      0,
    );
  });

  it("refuses answers to a closed area and keeps the typed text", async () => {
    scenario = await startGroupScenario();
    await assignArea(scenario, 7);
    await scenario.say(scenario.lead, "close");
    const refused = await scenario.answer(defined(scenario.members[0]), 7, "7a", {
      rating: "3",
      evidence: "Typed before closing",
      ideas: "",
    });
    assert.ok(refused.texts.some((text) => text.includes("This area is closed")));
    assert.ok(refused.texts.includes("Typed before closing"));
    assert.equal(
      (await scenario.harness.app.services.storage.responses.listAreaAnswers(scenario.assessmentId, 7)).length,
      0,
    );
  });

  it("posts every card exactly once through a 429 storm (Retry-After honoured)", async () => {
    scenario = await startGroupScenario();
    await assignArea(scenario, 7);
    scenario.harness.connector.throttleNext(6, 1, "creates");
    await scenario.say(scenario.lead, "start");
    await scenario.harness.app.idle();
    assert.ok(scenario.harness.connector.throttledCount >= 6);
    const keys = postedStatementKeys(scenario);
    assert.equal(keys.length, 17);
    assert.equal(new Set(keys).size, 17);
  });

  it("after a crash part-way through posting, `start` again posts only what is missing", async () => {
    scenario = await startGroupScenario();
    await assignArea(scenario, 7);
    const services = scenario.harness.app.services;
    const assessment = defined(await services.storage.assessments.get(scenario.assessmentId)).value;
    const assignment = defined(await services.storage.assignments.get(scenario.assessmentId, 7)).value;
    // The process "dies" on the 11th send: the loop aborts with that card claimed but never sent.
    let sends = 0;
    const dyingSender = {
      send: (key: string, attempt: () => Promise<SendOutcome>) => {
        sends += 1;
        if (sends === 11) throw new Error("process killed");
        return services.sender.send(key, attempt);
      },
    } as unknown as PacedSender;
    // It died a minute ago, so its claim on the 11th card is past the lease and `start` takes it over.
    const aMinuteAgo = () => new Date(Date.now() - 60_000);
    await assert.rejects(
      postAreaCards(
        { ...services, sender: dyingSender, clock: aMinuteAgo },
        assessment,
        assignment,
        defined(services.framework.areas[6]),
      ),
      /process killed/,
    );
    assert.equal(postedStatementKeys(scenario).length, 10);

    await scenario.say(scenario.lead, "start");
    await scenario.harness.app.idle();
    const keys = postedStatementKeys(scenario);
    assert.equal(keys.length, 17, "the 7 missing cards were posted");
    assert.equal(new Set(keys).size, 17, "nothing posted twice");
    assert.deepEqual(keys.slice(0, 2), ["intro", "7a"]);
  });

  it("two `start`s at once post every card once: the second leaves the area to the first", async () => {
    scenario = await startGroupScenario();
    await assignArea(scenario, 7);
    const before = scenario.harness.connector.recorded.length;
    await Promise.all([scenario.say(scenario.lead, "start"), scenario.say(scenario.coordinator, "start")]);
    await scenario.harness.app.idle();
    const keys = postedStatementKeys(scenario);
    assert.equal(keys.length, 17);
    assert.equal(new Set(keys).size, 17, "nothing posted twice");
    const notices = scenario.harness.connector.recorded
      .slice(before)
      .flatMap((entry) => cardsOf(entry.activity))
      .map((card) => JSON.stringify(card));
    assert.equal(notices.filter((text) => text.includes("is already being posted")).length, 1);
    assert.equal(notices.filter((text) => text.includes("is ready")).length, 1);
  });

  it("two bot instances on one store keep every interleaved answer", async () => {
    scenario = await startGroupScenario();
    await assignArea(scenario, 7);
    const second = await startBotHarness({
      coordinators: [scenario.coordinator.aadObjectId],
      connector: scenario.harness.connector,
      tablePrefix: scenario.harness.tablePrefix,
    });
    try {
      const members = makePeople("Crowd", 20);
      const serviceUrl = scenario.harness.connector.url;
      const results = await Promise.all(
        members.flatMap((member, index) =>
          ["7a", "7b"].map((statementId) => {
            const target = (index + statementId.length) % 2 === 0 ? scenario.harness : second;
            return target
              .post(
                cardAction({
                  serviceUrl,
                  from: member,
                  channel: scenario.channel,
                  verb: "submitAnswer",
                  data: {
                    assessmentId: scenario.assessmentId,
                    areaNumber: "7",
                    statementId,
                    rating: "3",
                    evidence: `${member.name} ${statementId}`,
                  },
                }),
              )
              .then(readInvoke);
          }),
        ),
      );
      assert.ok(results.every((result) => result.texts.some((text) => text.includes("Your answer is saved"))));
      const stored = await second.app.services.storage.responses.listAreaAnswers(scenario.assessmentId, 7);
      assert.equal(stored.length, 40);
      await second.post(channelMessage({ serviceUrl, from: scenario.lead, channel: scenario.channel, text: "status" }));
    } finally {
      await second.close();
    }
  });
});
