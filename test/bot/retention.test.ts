import assert from "node:assert/strict";
import { startGroupScenario, type GroupScenario } from "../support/groupScenario";
import { startBotHarness } from "../support/botHarness";
import { LEAD_EVIDENCE, LEAD_RATIONALE, seedArea7 } from "../support/seededArea";
import { compileAndRead, downloadText, downloadUrls } from "../support/downloadedDocuments";
import { personalMessage } from "../../simulator/teams/teamsActivities";
import { runRetention, RETENTION_AUDIT_ACTION } from "../../bot/retention/runRetention";
import { addCalendarMonths } from "../../assessment/retention/retentionDue";
import type { BotServices } from "../../bot/app/botServices";
import { parseAssessmentJson } from "../../documents/json/buildAssessmentJson";

const MONTHS = 12;

describe("retention job against Azurite", () => {
  let scenario: GroupScenario;
  let compiledAt: Date;
  let links: string[];

  beforeEach(async () => {
    scenario = await startGroupScenario({ env: { RETENTION_MONTHS: String(MONTHS) } });
    await seedArea7(scenario);
    const before = scenario.harness.connector.postedCards().length;
    await scenario.harness.post(
      personalMessage({ serviceUrl: scenario.harness.connector.url, from: scenario.coordinator, text: "compile" }),
    );
    links = scenario.harness.connector
      .postedCards()
      .slice(before)
      .flatMap((entry) => downloadUrls(entry.card));
    assert.equal(links.length, 8, "internal and publication copies (3 files each) and the action plan (2)");
    const stored = await services().storage.assessments.get(scenario.assessmentId);
    compiledAt = new Date(stored?.value.compiledAt ?? Number.NaN);
  });
  afterEach(async () => {
    await scenario.harness.close();
  });

  const services = (): BotServices => scenario.harness.app.services;
  /** The same services with the job's clock (and optionally its months) replaced. */
  const at = (now: Date, retentionMonths = MONTHS): BotServices => ({
    ...services(),
    clock: () => now,
    config: { ...services().config, retentionMonths },
  });
  const dueAt = () => addCalendarMonths(compiledAt, MONTHS);
  const rawCounts = async () => ({
    answers: (await services().storage.responses.listAreaAnswers(scenario.assessmentId, 7)).length,
    globalScores: (await services().storage.responses.listAreaGlobalScores(scenario.assessmentId, 7)).length,
    audit: (await services().storage.audit.list(scenario.assessmentId)).length,
  });

  it("deletes nothing before the due date, nor ever with RETENTION_MONTHS=0", async () => {
    const before = await rawCounts();
    assert.equal(before.answers, 8);
    const early = await runRetention(at(new Date(dueAt().getTime() - 1)));
    const off = await runRetention(at(new Date(dueAt().getTime() + 100 * 365 * 86_400_000), 0));
    assert.equal(early.assessments + off.assessments, 0);
    assert.deepEqual(await rawCounts(), before);
  });

  it("after the due date deletes answers, scores, rationales and audit content, keeping compiled files, agreed ratings and one audit entry of the deletion", async () => {
    const beforeExport = scenario.harness.connector.postedCards().length;
    await scenario.harness.post(
      personalMessage({
        serviceUrl: scenario.harness.connector.url,
        from: scenario.coordinator,
        text: `export ${scenario.lead.aadObjectId}`,
      }),
    );
    const exportLinks = scenario.harness.connector
      .postedCards()
      .slice(beforeExport)
      .flatMap((entry) => downloadUrls(entry.card));
    assert.equal(exportLinks.length, 2);

    const report = await runRetention(at(dueAt()));
    assert.deepEqual(report, {
      assessments: 1,
      answers: 8,
      globalScores: 1,
      rationales: 1,
      auditEntries: report.auditEntries,
      exportFiles: 2,
    });
    for (const url of exportLinks)
      assert.equal((await fetch(url)).status, 404, "personal data exports are raw data too");
    assert.ok(report.auditEntries > 8);
    assert.deepEqual(await rawCounts(), { answers: 0, globalScores: 0, audit: 1 });
    const decision = await services().storage.moderation.getDecision(scenario.assessmentId, "7a");
    assert.deepEqual([decision?.agreedRating, decision?.rationale], [3, ""]);
    const [entry] = await services().storage.audit.list(scenario.assessmentId);
    assert.equal(entry?.action, RETENTION_AUDIT_ACTION);
    assert.equal(entry.target, compiledAt.toISOString());
    assert.ok(!JSON.stringify(entry).includes(LEAD_EVIDENCE));

    // The documents compiled before are kept, evidence and all (the links were signed before the job ran).
    for (const url of links) {
      const file = await downloadText(url);
      assert.equal(file.status, 200);
      assert.ok(file.text.includes("Jordan Quigley"), `${file.fileName} still holds the compiled evidence`);
    }

    // Compiling afterwards works from what is left: the agreed rating, with no evidence or rationale.
    const recompiled = await compileAndRead(scenario);
    for (const [kind, text] of Object.entries(recompiled)) {
      assert.ok(!text.includes("Jordan Quigley") && !text.includes(LEAD_RATIONALE), `${kind} has no raw answers left`);
    }
    const statement7a = parseAssessmentJson(recompiled.json)
      .areas.flatMap((area) => area.statements)
      .find((statement) => statement.id === "7a");
    assert.deepEqual(
      [statement7a?.agreedRating, statement7a?.ratingSource, statement7a?.answered, statement7a?.evidence],
      [3, "moderated", 0, []],
    );
    const logs = scenario.harness.logLines.filter((line) => line.includes("retention"));
    assert.equal(logs.length, 1);
    assert.ok(!logs[0]?.includes(LEAD_EVIDENCE) && !logs[0]?.includes(scenario.lead.name));
  });

  it("is idempotent and safe when several instances run it at once", async () => {
    const now = new Date(dueAt().getTime() + 86_400_000);
    const reports = await Promise.all([runRetention(at(now)), runRetention(at(now)), runRetention(at(now))]);
    assert.equal(
      reports.reduce((total, report) => total + report.answers, 0),
      8,
      "each answer deleted once in all",
    );
    const audit = await services().storage.audit.list(scenario.assessmentId);
    assert.deepEqual(
      audit.map((entry) => entry.action),
      [RETENTION_AUDIT_ACTION],
    );
    const again = await runRetention(at(new Date(now.getTime() + 86_400_000)));
    assert.equal(again.assessments, 0);
    assert.equal((await services().storage.audit.list(scenario.assessmentId)).length, 1);
  });

  it("runs at start-up when the app is created with retentionSchedule", async () => {
    const second = await startBotHarness({
      coordinators: [scenario.coordinator.aadObjectId],
      env: { RETENTION_MONTHS: String(MONTHS) },
      tablePrefix: scenario.harness.tablePrefix,
      connector: scenario.harness.connector,
      appOptions: { retentionSchedule: true, clock: () => new Date(dueAt().getTime() + 1) },
    });
    try {
      await second.app.idle();
      assert.deepEqual(await rawCounts(), { answers: 0, globalScores: 0, audit: 1 });
    } finally {
      await second.close();
    }
  });
});
