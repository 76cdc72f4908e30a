import assert from "node:assert/strict";
import { playAssessment, type DemoOutcome } from "../../demo/playAssessment";
import { areaResults } from "../../demo/printSummary";
import { planSubmissions } from "../../demo/planSubmissions";
import { parseAssessmentCsv } from "../support/parseCsvColumns";
import { startBotHarness } from "../support/botHarness";

/**
 * The demo's scenario at reduced scale (2 areas, 3 members each) against the test Azurite, with
 * every log line the bot writes captured. It checks the run did what it says, then reads the whole
 * log for anything personal or secret that the run itself put into the bot.
 *
 * Decided here: AAD object ids (and Teams' 29: user ids and 1:1 conversation ids) may be logged.
 * They are pseudonymous: the log alone does not say who anyone is, and support needs them to follow
 * one person's problem (test/deploy/logRedaction.test.ts keeps them for the same reason). Names,
 * anything typed into a card, download tokens and Authorization headers may not.
 */
describe("demo run: a four-week assessment over HTTP, and its logs", function () {
  this.timeout(180_000);
  const SEED = 2;
  const AREAS = [4, 9];
  let outcome: DemoOutcome;
  let logLines: string[] = [];

  before(async () => {
    outcome = await playAssessment({
      seed: SEED,
      areas: AREAS,
      membersPerArea: 3,
      openBot: async ({ coordinatorAadId, clock }) => {
        const harness = await startBotHarness({ coordinators: [coordinatorAadId], appOptions: { clock } });
        logLines = harness.logLines;
        return {
          connector: harness.connector,
          post: (activity) => harness.post(activity),
          close: () => harness.close(),
        };
      },
    });
  });

  it("stores every answer submitted, with the rating each member settled on", () => {
    const results = areaResults(outcome);
    assert.deepEqual(
      results.map((result) => result.areaNumber),
      AREAS,
    );
    assert.equal(outcome.answersSubmitted, 45);
    assert.equal(
      results.reduce((sum, result) => sum + result.answered, 0),
      outcome.answersSubmitted,
    );
    assert.ok(outcome.answersChanged > 0, "some members changed an answer in a later week");
    // The distribution per statement is the members' final ratings: the changed answers replaced the first ones.
    const plan = planSubmissions(outcome.cast, SEED);
    for (const area of outcome.compiled.areas.filter((candidate) => AREAS.includes(candidate.number))) {
      for (const statement of area.statements) {
        const expected = { 1: 0, 2: 0, 3: 0, 4: 0 };
        for (const answer of plan.answers.filter((candidate) => candidate.statementId === statement.id))
          expected[answer.rating] += 1;
        assert.deepEqual(statement.distribution, expected, statement.id);
      }
    }
  });

  it("shows progress week by week as the coordinator's status reports it", () => {
    assert.deepEqual(
      outcome.weeks.map((week) => week.week),
      [1, 2, 3, 4],
    );
    const answered = (week: number) =>
      outcome.weeks[week - 1]?.progress.reduce((sum, line) => sum + line.statementsAnswered, 0) ?? 0;
    assert.ok(answered(1) > 0 && answered(1) < answered(3), `week 1: ${answered(1)}, week 3: ${answered(3)}`);
    assert.equal(answered(3), 16);
    assert.deepEqual(
      outcome.weeks[3]?.progress.filter((line) => AREAS.includes(line.areaNumber)).map((line) => line.status),
      ["closed", "closed"],
    );
  });

  it("flags disagreements, records the leads' decisions and leaves the rest unresolved", () => {
    const results = areaResults(outcome);
    assert.ok(
      results.every((result) => result.flagged > 0),
      JSON.stringify(results),
    );
    for (const area of outcome.moderation) {
      const result = results.find((candidate) => candidate.areaNumber === area.areaNumber);
      assert.ok(area.digest.length > 0, `area ${area.areaNumber} lead got a digest`);
      assert.equal(result?.moderated, area.decisions + area.accepted, `area ${area.areaNumber}`);
    }
    assert.equal(
      outcome.moderation.reduce((sum, area) => sum + area.decisions, 0),
      1,
    );
    assert.ok(outcome.moderation.some((area) => area.accepted > 0));
    assert.ok(outcome.moderation.some((area) => area.globalDecided));
    const unresolvedInGroups = outcome.compiled.summary.unresolved.filter(
      (item) => AREAS.includes(item.areaNumber) && item.statementId !== null,
    );
    assert.ok(unresolvedInGroups.length > 0, "some flagged statements are still unresolved");
    // The rationale each lead typed is the one the compiled assessment carries.
    const statements = new Map(
      outcome.compiled.areas.flatMap((area) => area.statements).map((statement) => [statement.id, statement]),
    );
    for (const decision of outcome.cast.script.decisions)
      assert.equal(
        statements.get(decision.statementId)?.moderation?.rationale,
        decision.rationale,
        decision.statementId,
      );
  });

  it("downloads the compiled Word, CSV and JSON files of both copies through the links on the summary card", () => {
    const kinds = outcome.compile.files
      .map((file) => file.fileName.replace(/^.*-(internal|publication|action-plan)\.(\w+)$/, "$1.$2"))
      .sort();
    const expected = [
      "action-plan.csv",
      "action-plan.docx",
      "internal.csv",
      "internal.docx",
      "internal.json",
      "publication.csv",
      "publication.docx",
      "publication.json",
    ];
    assert.deepEqual(kinds, expected);
    const byType = new Map(
      outcome.compile.files
        .filter((file) => file.fileName.includes("-internal."))
        .map((file) => [file.fileName.split(".").pop(), file]),
    );
    for (const file of outcome.compile.files) assert.ok(file.bytes.length > 0, file.fileName);
    assert.equal(byType.get("docx")?.bytes.subarray(0, 4).toString("latin1"), "PK\u0003\u0004", "the .docx is a zip");
    assert.equal(parseAssessmentCsv(byType.get("csv")?.bytes.toString("utf8") ?? "").length, 106);
    assert.equal(outcome.compiled.frontSheet.localAuthority, outcome.cast.script.details.localAuthority);
  });

  it("logged every turn, and no log line carries typed text, a name, a download token or an Authorization header", () => {
    assert.ok(logLines.length > 0, "the bot logged");
    // Proactive sends log as "event" turns; the run's own activities are the messages and invokes.
    const received = logLines
      .map((line) => JSON.parse(line) as { msg?: string; activityType?: string })
      .filter(
        (entry) =>
          entry.msg === "activity handled" && (entry.activityType === "message" || entry.activityType === "invoke"),
      );
    assert.equal(received.length, outcome.turns, "one 'activity handled' line per activity the run posted");

    const people = [outcome.cast.coordinator, ...outcome.cast.people];
    const forbidden = [
      ...outcome.typedText.map((text) => ({ kind: "typed text", value: text })),
      ...people.map((person) => ({ kind: "name", value: person.name })),
      ...outcome.compile.links.map((link) => ({ kind: "download token", value: link.split("/downloads/")[1] ?? link })),
      ...outcome.compile.links.map((link) => ({ kind: "download signature", value: link.split(".").pop() ?? link })),
    ];
    // Not vacuous: the run typed real text, named real people and got real links.
    assert.ok(outcome.typedText.length >= 60, `typed ${outcome.typedText.length} texts`);
    assert.ok(
      outcome.compile.links.length === 8 && forbidden.every((item) => item.value.length >= 6),
      "every forbidden string is specific enough to search for",
    );
    // Each string as typed and as it would appear inside a JSON log line (quotes, backslashes escaped).
    const searched = [
      ...new Map(
        forbidden
          .flatMap((item) => [item, { ...item, value: JSON.stringify(item.value).slice(1, -1) }])
          .map((item) => [item.value, item]),
      ).values(),
    ];
    const leaks = searched.flatMap((item) =>
      logLines.filter((line) => line.includes(item.value)).map((line) => `${item.kind} in: ${line.slice(0, 200)}`),
    );
    assert.deepEqual(leaks, []);
    assert.deepEqual(
      logLines.filter((line) => /authorization|bearer/i.test(line)),
      [],
      "no Authorization header",
    );
  });
});
