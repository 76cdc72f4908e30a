import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { createCardRenderer } from "../../scripts/cardGallery/renderAdaptiveCard";
import { loadSampleAssessment } from "../../scripts/cardGallery/sampleAssessment";
import { missingTemplates, templateNames } from "../../scripts/cardGallery/templateCoverage";
import { writeCardGallery, type CardGallery } from "../../scripts/cardGallery/writeCardGallery";

/**
 * Visible text of rendered HTML, whitespace collapsed, so assertions don't depend on markup or
 * escaping. Tags are stripped rather than parsed: jsdom takes seconds over the whole gallery.
 */
function visibleText(html: string): string {
  const entities: Record<string, string> = {
    "&amp;": "&",
    "&lt;": "<",
    "&gt;": ">",
    "&quot;": '"',
    "&#39;": "'",
    "&nbsp;": " ",
  };
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => entities[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
}

function cardText(gallery: CardGallery, id: string): string {
  const card = gallery.cards.find((candidate) => candidate.entry.id === id);
  assert.ok(card, `the gallery has no card ${id}`);
  return visibleText(card.html);
}

describe("card gallery (npm run cards)", () => {
  const sample = loadSampleAssessment();
  let outDir: string;
  let gallery: CardGallery;
  let page: string;

  before(() => {
    outDir = mkdtempSync(join(tmpdir(), "card-gallery-"));
    // No Chromium: the PNG step is skipped, everything else is the real build.
    gallery = writeCardGallery({ outDir });
    page = readFileSync(gallery.indexPath, "utf8");
  });

  after(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it("shows every template in cards/templates at least once", () => {
    const templates = templateNames();
    assert.ok(templates.length >= 8, `expected the 8 card templates, found ${templates.join(", ")}`);
    assert.deepEqual([...new Set(gallery.cards.map((card) => card.entry.template))].sort(), templates);
  });

  it("renders every card with zero renderer errors", () => {
    const errors = gallery.cards.flatMap((card) =>
      card.problems
        .filter((problem) => problem.severity === "error")
        .map((problem) => `${card.entry.id}: ${problem.message}`),
    );
    assert.deepEqual(errors, []);
    assert.ok(
      gallery.cards.every((card) => card.html.includes("ac-adaptiveCard")),
      "every card has rendered HTML",
    );
  });

  it("shows the statement's text and the four ratings with their guide on the statement card", () => {
    const text = cardText(gallery, "member-statement-base");
    assert.ok(text.includes(sample.statement.text.replace(/\s+/g, " ")));
    for (const level of sample.framework.scale)
      assert.ok(text.includes(`${level.value} · ${level.label} — ${level.guide}`), `rating ${level.value} missing`);
    assert.ok(text.includes("Save my answer"));
  });

  it("keeps a member's typed evidence and ideas, unrated, beside the error on a refused submission", () => {
    const card = gallery.cards.find((candidate) => candidate.entry.id === "member-statement-refused");
    assert.ok(card);
    const form = new JSDOM(card.html).window.document;
    const typed = [...form.querySelectorAll("textarea")].map((area) => area.textContent);
    assert.deepEqual(typed, [sample.answer.evidence, sample.answer.ideas]);
    assert.equal(form.querySelectorAll("input[type=radio][checked]").length, 0);
    assert.ok(
      visibleText(card.html).includes("⚠ Choose a rating from 4 (Agree at present) to 1 (Disagree at present)."),
    );
  });

  it("shows the member's own rating checked, and no Save button once the area is closed", () => {
    const own = new JSDOM(gallery.cards.find((card) => card.entry.id === "member-statement-own")?.html ?? "").window
      .document;
    assert.equal(own.querySelector("input[type=radio][checked]")?.getAttribute("value"), String(sample.answer.rating));
    const closed = cardText(gallery, "member-statement-closed");
    assert.ok(closed.includes("This area is closed"));
    assert.equal(closed.includes("Save my answer") || closed.includes("Update my answer"), false);
  });

  it("shows a flagged statement first on the digest, each comment under its own bold author label, no raw asterisks", () => {
    const text = cardText(gallery, "lead-digest");
    assert.match(text, new RegExp(`^Moderation digest — area ${sample.area.number}`));
    assert.match(text, /[0-9]+[a-z] ⚑ needs moderation/);
    const html = gallery.cards.find((card) => card.entry.id === "lead-digest")?.html ?? "";
    assert.match(html, /font-weight: 600;[^>]*>Evidence — [^<]+</);
    assert.equal(text.includes("**"), false);
  });

  it("leaves no unexpanded ${…} template expression on any page", () => {
    assert.equal(page.includes("${"), false);
    for (const file of readdirSync(join(outDir, "cards")))
      assert.equal(readFileSync(join(outDir, "cards", file), "utf8").includes("${"), false, file);
  });

  it("writes index.html grouped by audience plus one page per card, and no PNG without Chromium", () => {
    assert.deepEqual(
      [...page.matchAll(/<section id="([a-z]+)"/g)].map((match) => match[1]),
      ["members", "leads", "coordinator"],
    );
    assert.equal([...page.matchAll(/data-card="/g)].length, gallery.cards.length);
    for (const card of gallery.cards)
      assert.ok(existsSync(join(outDir, "cards", `${card.entry.id}.html`)), card.entry.id);
    assert.deepEqual(gallery.pngs, []);
    assert.equal(
      readdirSync(join(outDir, "cards")).some((file) => file.endsWith(".png")),
      false,
    );
  });

  it("names the template a gallery misses", () => {
    const withoutDigest = gallery.cards.map((card) => card.entry).filter((entry) => entry.template !== "digestCard");
    assert.deepEqual(missingTemplates(withoutDigest, templateNames()), ["digestCard"]);
  });

  it("reports a renderer error for a broken card, and leaves no DOM globals behind", () => {
    const rendered = createCardRenderer()({
      type: "AdaptiveCard",
      version: "1.5",
      body: [{ type: "Input.Text", label: "No id" }],
    });
    assert.ok(
      rendered.problems.some((problem) => problem.severity === "error"),
      JSON.stringify(rendered.problems),
    );
    assert.equal("document" in globalThis, false);
  });
});
