import assert from "node:assert/strict";
import fc from "fast-check";
import { cardAction } from "../../../simulator/teams/teamsActivities";
import { inputValue, readInvoke } from "../../support/groupScenario";
import { testTablesConnectionString } from "../../support/azuriteForTests";
import { fuzzedCardAction, type FuzzedCardAction } from "../arbitraries/fuzzedCardAction";
import { ExpectedCardStore, type CardVerdict } from "./expectedCardStore";
import { actorFor, FUZZ_AREA, startCardFuzzScenario, type CardFuzzScenario } from "./cardFuzzScenario";
import { hasWarning } from "./hasWarning";
import { assertHealthy } from "./assertHealthy";
import { turnFailures } from "./turnFailures";
import { auditStoredEntities } from "./auditStoredEntities";
import { checkCardPayloadInProcess } from "./checkCardPayloadInProcess";
import { fuzzedPerson } from "../arbitraries/fuzzedPerson";
import { countFuzzed, printFuzzTally } from "./fuzzTally";
import { fuzzSeed } from "./fuzzSeed";
import { ANSWER_LIMITS } from "../../../assessment/answers/answerLimits";
import { withoutControlCharacters } from "../../../assessment/answers/answer";

const HEALTH_CHECK_EVERY = 50;
const ALL_AREAS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
/** A refusal gives texts back up to their input's maxLength (bot/actions/enteredText.ts), control characters dropped. */
const ECHO_LIMITS: Record<string, number> = {
  evidence: ANSWER_LIMITS.evidenceMaxChars,
  ideas: ANSWER_LIMITS.ideasMaxChars,
};

/**
 * The card-payload fuzz suite over HTTP, run with `numRuns` inputs: each input is POSTed as an
 * Action.Execute invoke to the real bot, the answer is checked against the oracle, and afterwards
 * every stored entity is read back raw and must be well-formed and exactly what the oracle expects.
 */
export function describeCardPayloadFuzz(options: { numRuns: number; lanes: number; inProcessRuns: number }): void {
  after(printFuzzTally);

  describe(`card payloads fuzzed over HTTP (${options.numRuns} inputs, ${options.lanes} bots in parallel)`, function () {
    this.timeout(options.numRuns * 200 + 60_000);
    let lanes: CardFuzzLane[] = [];

    before(async () => {
      lanes = await Promise.all(Array.from({ length: options.lanes }, () => startLane()));
    });
    after(async () => {
      await Promise.all(lanes.map((lane) => lane.fuzz.scenario.harness.close()));
    });

    it("starts from a valid payload of every verb the posted cards carry", () => {
      const verbs = new Set(lanes.flatMap((lane) => lane.fuzz.templates.map((template) => template.verb)));
      for (const verb of [
        "submitAnswer",
        "showMyAnswer",
        "submitGlobalScore",
        "recordDecision",
        "recordGlobalDecision",
        "acceptModalRatings",
      ]) {
        assert.ok(verbs.has(verb), `no posted card carries ${verb}: ${[...verbs].join(", ")}`);
      }
    });

    it("answers every input with HTTP 200 and a card that says what happened, and keeps what was typed", async () => {
      const started = Date.now();
      const seed = fuzzSeed();
      // Each bot gets its own share and seed: inputs to one bot stay in order, as the oracle's model needs.
      await Promise.all(
        lanes.map((lane, index) =>
          fc.assert(laneProperty(lane), { seed: seed + index, numRuns: Math.ceil(options.numRuns / lanes.length) }),
        ),
      );
      const runs = lanes.reduce((sum, lane) => sum + lane.runs, 0);
      console.log(`    ${runs} card payloads over HTTP in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });

    it(`takes ${options.inProcessRuns} more payloads in-process: keys escape every string, accepted answers round-trip as entities`, () => {
      const lane = lanes[0];
      assert.ok(lane);
      const area = lane.fuzz.scenario.harness.app.services.framework.areas.find(
        (candidate) => candidate.number === FUZZ_AREA,
      );
      assert.ok(area);
      const setting = {
        area,
        assessmentId: lane.fuzz.scenario.assessmentId,
        oracle: new ExpectedCardStore(lane.expected.setting),
      };
      const seed = fuzzSeed();
      fc.assert(
        fc.property(fuzzedCardAction(lane.fuzz.templates), fuzzedPerson, (action, person) => {
          countFuzzed("card payloads", "in-process");
          checkCardPayloadInProcess(setting, action, person);
        }),
        { seed: seed + 500, numRuns: options.inProcessRuns },
      );
    });

    it("stored exactly the valid submissions, and every entity of every table is well-formed", async () => {
      for (const lane of lanes) await checkStoredState(lane);
    });
  });
}

interface CardFuzzLane {
  fuzz: CardFuzzScenario;
  expected: ExpectedCardStore;
  runs: number;
}

async function startLane(): Promise<CardFuzzLane> {
  const fuzz = await startCardFuzzScenario();
  const { services } = fuzz.scenario.harness.app;
  const area = services.framework.areas.find((candidate) => candidate.number === FUZZ_AREA);
  assert.ok(area, `area ${FUZZ_AREA} is in the framework`);
  const expected = new ExpectedCardStore({
    assessmentId: fuzz.scenario.assessmentId,
    areaNumber: FUZZ_AREA,
    statementIds: area.statements.map((statement) => statement.id),
    globalScoreMax: services.framework.globalScoreMax,
    consensus: services.config.consensus,
  });
  return { fuzz, expected, runs: 0 };
}

function laneProperty(lane: CardFuzzLane) {
  const { fuzz, expected } = lane;
  return fc.asyncProperty(fuzzedCardAction(fuzz.templates), fc.nat({ max: 2 }), async (action, memberIndex) => {
    lane.runs += 1;
    countFuzzed("card payloads", "http");
    const { person, channel } = actorFor(fuzz, action, memberIndex);
    const verdict = expected.apply(action, {
      aadObjectId: person.aadObjectId,
      teamsUserId: person.id,
      name: person.name,
    });
    const reply = readInvoke(await post(fuzz, action, person, channel));
    assert.equal(reply.status, 200);
    assert.ok(reply.card, "the invoke response carries an Adaptive Card");
    checkReply(verdict, reply.card, reply.texts);
    if (lane.runs % HEALTH_CHECK_EVERY === 0) await assertHealthy(fuzz.scenario.harness);
  });
}

async function checkStoredState(lane: CardFuzzLane): Promise<void> {
  const { fuzz, expected } = lane;
  const { harness, assessmentId } = fuzz.scenario;
  await harness.app.idle();
  await assertHealthy(fuzz.scenario.harness);
  assert.deepEqual(turnFailures(harness.logLines), []);
  const { storage } = harness.app.services;

  const answers = await storage.responses.listAssessmentAnswers(assessmentId, ALL_AREAS);
  assert.deepEqual(
    sortByKey(
      answers.map((answer) => [
        `${answer.statementId}|${answer.respondent.aadObjectId}`,
        { rating: answer.rating, evidence: answer.evidence, ideas: answer.ideas },
      ]),
    ),
    sortByKey(
      [...expected.answers].map(([key, answer]) => [
        key,
        { rating: answer.rating, evidence: answer.evidence, ideas: answer.ideas },
      ]),
    ),
  );
  const scores = (
    await Promise.all(ALL_AREAS.map((area) => storage.responses.listAreaGlobalScores(assessmentId, area)))
  ).flat();
  assert.deepEqual(
    sortByKey(scores.map((score) => [`${score.areaNumber}|${score.respondent.aadObjectId}`, score.score])),
    sortByKey([...expected.globalScores].map(([aad, score]) => [`${FUZZ_AREA}|${aad}`, score])),
  );
  const decisions = await storage.moderation.listDecisions(assessmentId);
  assert.deepEqual(
    sortByKey(
      decisions.map((decision) => [
        decision.statementId,
        { agreedRating: decision.agreedRating, rationale: decision.rationale },
      ]),
    ),
    sortByKey([...expected.decisions]),
  );
  const globalDecisions = await storage.moderation.listGlobalDecisions(assessmentId);
  assert.deepEqual(
    globalDecisions.map((decision) => ({
      areaNumber: decision.areaNumber,
      agreedScore: decision.agreedScore,
      rationale: decision.rationale,
    })),
    expected.globalDecision ? [{ areaNumber: FUZZ_AREA, ...expected.globalDecision }] : [],
  );
  const assignments = await storage.assignments.list(assessmentId);
  assert.deepEqual(
    assignments.map((assignment) => assignment.areaNumber),
    [FUZZ_AREA],
    "no card action created or moved an assignment",
  );

  const audit = await auditStoredEntities({
    connectionString: testTablesConnectionString(),
    tablePrefix: harness.tablePrefix,
    compiledFiles: storage.compiledFiles,
  });
  assert.deepEqual(audit.problems, []);
  assert.ok(
    audit.counts.responses >= expected.answers.size + expected.globalScores.size && audit.counts.botState > 0,
    JSON.stringify(audit.counts),
  );
}

function post(
  fuzz: CardFuzzScenario,
  action: FuzzedCardAction,
  person: { id: string; name: string; aadObjectId: string },
  channel: CardFuzzScenario["otherChannel"] | null,
) {
  const { scenario } = fuzz;
  const serviceUrl = scenario.harness.connector.url;
  const where = channel ? { channel, conversationId: `${channel.channelId};messageid=1700000000000001` } : {};
  if (action.kind === "payload") {
    return scenario.harness.post(
      cardAction({ serviceUrl, from: person, ...where, verb: action.verb, data: action.data, trigger: action.trigger }),
    );
  }
  return scenario.harness.post({
    ...cardAction({ serviceUrl, from: person, ...where, verb: "submitAnswer", data: {} }),
    value: action.value,
  });
}

function checkReply(verdict: CardVerdict, card: Record<string, unknown>, texts: readonly string[]): void {
  const seen = () => texts.join(" | ").slice(0, 600);
  if (verdict.outcome === "saved") {
    assert.ok(
      texts.some((text) => text.includes(verdict.marker)),
      `expected "${verdict.marker}", got: ${seen()}`,
    );
    assert.ok(!hasWarning(card), `a saved submission shows no warning: ${seen()}`);
  } else if (verdict.outcome === "refused") {
    assert.ok(hasWarning(card), `a refusal must say so: ${seen()}`);
    // The refused member gets their own words back, ${…} and all, never evaluated by the templating.
    for (const [id, typed] of Object.entries<string>({ ...verdict.kept })) {
      const expected = withoutControlCharacters(typed);
      const limit = ECHO_LIMITS[id] ?? 0;
      const value = inputValue(card, id);
      const given = typeof value === "string" ? value : "";
      if (expected.length <= limit) assert.equal(given, expected, `the card gives back the ${id} as typed`);
      else
        assert.ok(
          expected.startsWith(given) && given.length >= limit - 1 && given.length <= limit,
          `the card gives back the start of the ${id}`,
        );
    }
  } else {
    assert.ok(!hasWarning(card) && texts.length > 0, `expected the caller's own view: ${seen()}`);
  }
}

function sortByKey<T>(entries: ReadonlyArray<readonly [string, T]>): Array<readonly [string, T]> {
  return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
