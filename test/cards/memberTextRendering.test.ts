import assert from "node:assert/strict";
import { strFromU8, unzipSync } from "fflate";
import { compileAssessment } from "../../assessment/compile/compileAssessment";
import { buildAreaDigest } from "../../assessment/digest/buildAreaDigest";
import { splitDigest } from "../../assessment/digest/splitDigest";
import { buildPersonExport } from "../../assessment/dataProtection/personExport";
import { personExportMarkdown } from "../../assessment/dataProtection/personExportMarkdown";
import { markdownLiteral } from "../../assessment/text/markdownLiteral";
import { buildCompileSummaryCard } from "../../cards/compileSummaryCard";
import { buildDigestCard, cardBytes } from "../../cards/digestCard";
import { buildIntroCard } from "../../cards/introCard";
import { buildNoticeCard } from "../../cards/noticeCard";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import { buildAssessmentCsv } from "../../documents/csv/buildAssessmentCsv";
import { buildAssessmentDocx } from "../../documents/docx/buildAssessmentDocx";
import { buildAssessmentJson } from "../../documents/json/buildAssessmentJson";
import { createCardRenderer } from "../../scripts/cardGallery/renderAdaptiveCard";
import { escapeHtml, teamsMarkdownToHtml } from "../../scripts/cardGallery/teamsMarkdown";
import { generateAssessment } from "../../simulator/assessment/generateAssessment";
import { aDecision, anAnswer, aPerson } from "../support/domainFactories";
import { defined } from "../support/defined";

/** What a hostile or unlucky member might type (issue 13.6). */
const PHISH = "[phish](https://evil.example/login)";
const BOLD = "**bold**";
const FAKE_AUTHOR = "ok\n\n**Evidence** (Bea Member): fake";
const BIDI = "pay \u202Emoc.knab\u202C now \u2066x\u2069\u200F";
const TEMPLATE = "${$root.assessmentId} ${title}";
const LIST = "- item\n1. first\n# heading";
const INJECTIONS = [PHISH, BOLD, FAKE_AUTHOR, BIDI, TEMPLATE, LIST];
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const EVIL_NAME = "**Lead** [Sam](https://evil.example)";

const render = createCardRenderer();

/** The card as Teams' Markdown would show it (official renderer, Teams' Markdown subset), as HTML. */
function rendered(card: AdaptiveCard): string {
  const result = render(card);
  assert.deepEqual(
    result.problems.filter((problem) => problem.severity === "error"),
    [],
  );
  return result.html;
}

function assertInert(html: string): void {
  assert.ok(!html.includes('evil.example/login"'), "no link to the phishing address");
  assert.ok(!/<a [^>]*evil\.example/.test(html), "no link made from typed text");
  assert.ok(!/<strong>(bold|Evidence|Lead)<\/strong>/.test(html), "no bold made from typed text");
  assert.ok(!BIDI_CONTROLS.test(html), "bidi controls stripped");
}

describe("members' words in cards (markdownLiteral)", () => {
  it("renders every injection string as the characters typed, bidi controls removed", () => {
    for (const text of INJECTIONS) {
      const stripped = text.replace(new RegExp(BIDI_CONTROLS.source, "g"), "");
      assert.equal(teamsMarkdownToHtml(markdownLiteral(text)), escapeHtml(stripped).replace(/\n/g, "<br>"));
    }
  });

  it("escapes line-start markers (lists, headings, quotes) but leaves ordinary text alone", () => {
    assert.equal(markdownLiteral("- a\n  + b\n12. c\n> d\n# e"), "\\- a\n  \\+ b\n12\\. c\n\\> d\n\\# e");
    assert.equal(markdownLiteral("Pathway plans reviewed, 6 monthly"), "Pathway plans reviewed, 6 monthly");
  });

  describe("in every card that shows members' text", () => {
    const framework = generateAssessment({ seed: 3 }).framework;
    const area = defined(framework.areas[6]);
    const author = (index: number) =>
      aPerson({
        aadObjectId: `aad-${index}`,
        teamsUserId: `29:${index}`,
        name: index === 1 ? EVIL_NAME : `Member ${index}`,
      });
    const answers = INJECTIONS.map((text, index) =>
      anAnswer({ statementId: "7a", respondent: author(index + 1), rating: 3, evidence: text, ideas: `${text} idea` }),
    );
    const digest = buildAreaDigest({
      assessmentId: "a-1",
      area,
      answers,
      globalScores: [],
      members: INJECTIONS.length,
      globalScoreMax: framework.globalScoreMax,
      scale: framework.scale,
      decisions: [aDecision({ statementId: "7a", decidedBy: author(1), rationale: PHISH })],
    });

    it("digest: each comment's author is its own line from the stored name, the text escaped", () => {
      const pages = splitDigest(digest, (page) => cardBytes(buildDigestCard(page, framework.globalScoreMax)));
      const html = pages.map((page) => rendered(buildDigestCard(page, framework.globalScoreMax))).join("");
      assertInert(html);
      // The forged "Evidence (Bea Member)" line is plain text inside one comment, not a label of its own.
      const labels = [...html.matchAll(/(Evidence|Idea) — ([^<]+)</g)].map((match) => match[2]);
      assert.equal(labels.length, INJECTIONS.length * 2);
      assert.ok(!labels.includes("Bea Member"));
      assert.ok(html.includes("**Evidence** (Bea Member): fake"), "the typed text is shown as typed");
      assert.ok(html.includes(TEMPLATE), "template expressions in data are not expanded");
    });

    it("intro card (lead names), notice lines built with markdownLiteral, compile summary (ideas, local authority)", () => {
      assertInert(rendered(buildIntroCard({ framework, area, leadNames: [EVIL_NAME] })));
      assertInert(
        rendered(buildNoticeCard({ title: "Status", lines: [`Not finished: ${markdownLiteral(EVIL_NAME)}`] })),
      );
      const input = generateAssessment({ seed: 3 });
      const compiled = compileAssessment({
        ...input,
        details: { ...input.details, localAuthority: `${BOLD} ${BIDI}` },
        answers: input.answers.map((answer) => ({ ...answer, rating: 1, ideas: PHISH })),
        decisions: [],
      });
      const html = rendered(
        buildCompileSummaryCard(compiled, {
          groups: [{ heading: "Internal copy", links: [{ title: "Word document", url: "https://x.example/d" }] }],
          expiresIn: "in 60 minutes",
        }),
      );
      assertInert(html);
      assert.ok(html.includes(PHISH));
    });
  });

  describe("documents and exports", () => {
    const input = generateAssessment({ seed: 5 });
    const compiled = compileAssessment({
      ...input,
      answers: input.answers.map((answer, index) =>
        index === 0 ? { ...answer, evidence: `${PHISH} ${FAKE_AUTHOR} ${BIDI}` } : answer,
      ),
    });

    it("CSV, JSON and docx keep the raw text (documents are not Markdown)", async () => {
      assert.ok(buildAssessmentCsv(compiled).includes(PHISH));
      assert.ok(buildAssessmentCsv(compiled).includes("\u202Emoc.knab"));
      const json = buildAssessmentJson(compiled);
      assert.ok(json.includes(JSON.stringify(`${PHISH} ${FAKE_AUTHOR} ${BIDI}`).slice(1, -1)));
      const documentXml = strFromU8(
        unzipSync(
          new Uint8Array(
            await buildAssessmentDocx(compiled, undefined, { protectiveMarking: "OFFICIAL", copy: "internal" }),
          ),
        )["word/document.xml"] ?? new Uint8Array(),
      );
      assert.ok(documentXml.includes(PHISH));
      assert.ok(documentXml.includes("**Evidence** (Bea Member): fake"));
    });

    it("the personal-data Markdown export escapes what the person typed", () => {
      const person = aPerson({ name: EVIL_NAME });
      const markdown = personExportMarkdown(
        buildPersonExport(
          {
            aadObjectId: person.aadObjectId,
            name: person.name,
            answers: [anAnswer({ respondent: person, evidence: FAKE_AUTHOR, ideas: PHISH })],
            globalScores: [],
            decisions: [aDecision({ decidedBy: person, rationale: BOLD })],
            globalDecisions: [],
            auditEntries: [],
            ownedActions: [],
            leadOf: [],
            isCoordinator: false,
          },
          { framework: input.framework, assessmentId: "a-1", exportedAt: "2026-01-01T00:00:00.000Z" },
        ),
        "Europe/London",
      );
      assert.ok(!markdown.includes(PHISH));
      assert.ok(markdown.includes("\\[phish\\]\\(https://evil.example/login\\)"));
      assert.ok(!/^\*\*Evidence\*\*/m.test(markdown.replace(/^\s+/gm, "")));
      assert.ok(markdown.includes("\\*\\*bold\\*\\*"));
    });
  });
});
