import assert from "node:assert/strict";
import { startGroupScenario, assignArea, cardTexts, type GroupScenario } from "../support/groupScenario";
import { personalMessage } from "../../simulator/teams/teamsActivities";
import type { TeamsPerson } from "../../simulator/teams/people";
import { signDownload } from "../../bot/compile/downloadLinks";
import { parseAssessmentCsv } from "../support/parseCsvColumns";
import { compileAndRead } from "../support/downloadedDocuments";
import { defined } from "../support/defined";

/** The Action.OpenUrl buttons of each download group on the card, as "heading / title" → url. */
function openUrls(card: Record<string, unknown>): Map<string, string> {
  const groups = (
    (card["body"] ?? []) as Array<{
      type?: string;
      items?: Array<{ text?: string; actions?: Array<{ type?: string; title?: string; url?: string }> }>;
    }>
  ).filter((element) => element.type === "Container" && element.items?.some((item) => item.actions));
  return new Map(
    groups.flatMap((group) => {
      const heading = group.items?.[0]?.text ?? "";
      const actions = group.items?.flatMap((item) => item.actions ?? []) ?? [];
      return actions
        .filter((action) => action.type === "Action.OpenUrl")
        .map((action) => [`${heading} / ${action.title ?? ""}`, action.url ?? ""] as const);
    }),
  );
}

const INTERNAL = "Internal copy (with names)";
const PUBLICATION = "Publication copy (no names; personal data removed)";

describe("compile command over HTTP", () => {
  let scenario: GroupScenario;

  beforeEach(async () => {
    scenario = await startGroupScenario();
  });
  afterEach(async () => {
    await scenario.harness.close();
  });

  const sayPersonally = (from: TeamsPerson, text: string) =>
    scenario.harness.post(personalMessage({ serviceUrl: scenario.harness.connector.url, from, text }));

  async function answerSome(): Promise<void> {
    await assignArea(scenario, 7);
    for (const member of scenario.members) {
      await scenario.answer(member, 7, "7a", { rating: "4", evidence: "Pathway plans reviewed", ideas: "" });
      await scenario.answer(member, 7, "7b", {
        rating: "1",
        evidence: "No housing panel",
        ideas: "Set up a housing panel",
      });
    }
  }

  it("compiles for the coordinator: summary card with global scores and working signed links", async () => {
    await answerSome();
    const before = scenario.harness.connector.postedCards().length;
    const response = await sayPersonally(scenario.coordinator, "compile");
    assert.equal(response.status, 200);
    const cards = scenario.harness.connector.postedCards().slice(before);
    const card = cards
      .map((entry) => entry.card)
      .find((candidate) => JSON.stringify(candidate).includes("Global scores"));
    assert.ok(card, JSON.stringify(cards));
    assert.ok(Buffer.byteLength(JSON.stringify(card)) < 28_000);
    const texts = cardTexts(card);
    assert.ok(
      texts.some((text) => text.startsWith("7. ")),
      texts.join("\n"),
    );
    assert.ok(
      texts.some((text) => text.startsWith("1. ")),
      texts.join("\n"),
    );
    assert.ok(
      texts.some((text) => text.includes("7a")),
      "strength 7a listed",
    );
    assert.ok(
      texts.some((text) => text.includes("7b") && text.includes("Set up a housing panel")),
      "priority 7b with its idea",
    );

    const links = openUrls(card);
    assert.deepEqual(
      [...links.keys()],
      [
        ...[INTERNAL, PUBLICATION].flatMap((copy) =>
          ["Word document", "CSV", "JSON"].map((kind) => `${copy} / ${kind}`),
        ),
        "Action plan / Word document",
        "Action plan / CSV (for Microsoft Lists)",
      ],
    );
    for (const url of links.values()) assert.match(url, /\/downloads\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);

    const docx = await fetch(defined(links.get(`${INTERNAL} / Word document`)));
    assert.equal(docx.status, 200);
    assert.match(docx.headers.get("content-disposition") ?? "", /^attachment; filename=".+\.docx"/);
    const docxBytes = Buffer.from(await docx.arrayBuffer());
    assert.equal(docxBytes.subarray(0, 2).toString("latin1"), "PK");

    const csv = await fetch(defined(links.get(`${INTERNAL} / CSV`)));
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get("content-type") ?? "", /^text\/csv/);
    const rows = parseAssessmentCsv(Buffer.from(await csv.arrayBuffer()).toString("utf8"));
    assert.equal(rows.length, 106);

    const json = await fetch(defined(links.get(`${INTERNAL} / JSON`)));
    assert.equal(json.status, 200);
    assert.equal(
      (JSON.parse(await json.text()) as { assessmentId?: string }).assessmentId ?? scenario.assessmentId,
      scenario.assessmentId,
    );

    const stored = await scenario.harness.app.services.storage.assessments.get(scenario.assessmentId);
    assert.ok(stored?.value.compiledAt);
    const audit = await scenario.harness.app.services.storage.audit.list(scenario.assessmentId);
    assert.ok(
      audit.some((entry) => entry.action === "compile" && entry.actorAadObjectId === scenario.coordinator.aadObjectId),
    );

    const url = defined(links.get(`${INTERNAL} / CSV`));
    const [prefix, token] = url.split("/downloads/") as [string, string];
    const [payload, signature] = token.split(".") as [string, string];
    const tampered = `${prefix}/downloads/${payload}.${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
    const refused = await fetch(tampered);
    assert.equal(refused.status, 401);
    assert.match(await refused.text(), /not valid/);
  });

  it("offers a publication copy whose Word, CSV and JSON files name nobody and hold no contact details", async () => {
    await assignArea(scenario, 7);
    const typed = "Lee Lead checked the panel minutes (lee.lead@council.example.gov.uk, 07700 900123)";
    for (const member of scenario.members)
      await scenario.answer(member, 7, "7a", { rating: "3", evidence: typed, ideas: "" });
    const internal = await compileAndRead(scenario, "internal");
    const publication = await compileAndRead(scenario, "publication");
    assert.ok(
      internal.docx.includes("Lee Lead") && internal.csv.includes("07700 900123"),
      "the internal copy keeps what was typed",
    );
    // The scenario's members are called "Member 1…", which is also how the anonymous copy labels them: check the lead.
    const names = [scenario.lead.name];
    for (const [kind, text] of Object.entries(publication)) {
      for (const personal of [...names, "lee.lead@council.example.gov.uk", "07700 900123"])
        assert.ok(!text.includes(personal), `${kind} contains ${personal}`);
      assert.ok(text.includes("[removed] checked the panel minutes ([removed], [removed])"), kind);
    }
  });

  it("answers 410 for an expired link and 401 for a link signed with another secret", async () => {
    const services = scenario.harness.app.services;
    const past = new Date(services.clock().getTime() - 60_000);
    const expired = await fetch(
      `${scenario.harness.url}/downloads/${signDownload({ fileId: "a".repeat(32), expiresAt: past }, services.downloadSecret)}`,
    );
    assert.equal(expired.status, 410);
    assert.match(await expired.text(), /expired/);
    const future = new Date(services.clock().getTime() + 60_000);
    const foreign = await fetch(
      `${scenario.harness.url}/downloads/${signDownload({ fileId: "a".repeat(32), expiresAt: future }, "x".repeat(40))}`,
    );
    assert.equal(foreign.status, 401);
    const missing = await fetch(
      `${scenario.harness.url}/downloads/${signDownload({ fileId: "a".repeat(32), expiresAt: future }, services.downloadSecret)}`,
    );
    assert.equal(missing.status, 404);
  });

  it("refuses a member's compile and stores nothing", async () => {
    await answerSome();
    const member = defined(scenario.members[0]);
    const response = await sayPersonally(member, "compile");
    assert.equal(response.status, 200);
    const texts = scenario.harness.connector.postedCards().map((entry) => JSON.stringify(entry.card));
    assert.ok(
      texts.some((text) => text.includes("Only the coordinator can compile the self-assessment")),
      texts.join("\n"),
    );
    assert.ok(!texts.some((text) => text.includes("/downloads/")));
    const stored = await scenario.harness.app.services.storage.assessments.get(scenario.assessmentId);
    assert.equal(stored?.value.compiledAt, undefined);
    const audit = await scenario.harness.app.services.storage.audit.list(scenario.assessmentId);
    assert.ok(!audit.some((entry) => entry.action === "compile"));
  });
});
