import assert from "node:assert/strict";
import { strFromU8, unzipSync } from "fflate";
import type { CompiledStatement } from "../../assessment/compile/compiledAssessment";
import { renderCharts, type AssessmentCharts } from "../../documents/charts/renderCharts";
import { buildAssessmentDocx } from "../../documents/docx/buildAssessmentDocx";
import { describeGap, formatYoungPeopleScore, youngPeopleGap } from "../../documents/youngPeopleGap";
import { allStatements, compiled, firstWithSource } from "./documentTestData";
import { xmlEscaped } from "../support/xmlEscaped";

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** The table cells (raw XML) of the row that holds this statement. */
function rowCells(documentXml: string, statement: CompiledStatement): string[] {
  const row = documentXml
    .match(/<w:tr[ >][\s\S]*?<\/w:tr>/g)
    ?.find((candidate) => candidate.includes(`>${xmlEscaped(statement.text)}<`));
  assert.ok(row, `row for ${statement.id}`);
  return row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
}

describe("buildAssessmentDocx", function () {
  let charts: AssessmentCharts;
  let files: Record<string, Uint8Array>;
  let documentXml: string;

  before(async function () {
    this.timeout(20_000); // the first chart loads vega
    charts = await renderCharts(compiled);
    files = unzipSync(
      new Uint8Array(
        await buildAssessmentDocx(compiled, charts, { protectiveMarking: "OFFICIAL-SENSITIVE", copy: "internal" }),
      ),
    );
    documentXml = strFromU8(files["word/document.xml"] ?? new Uint8Array());
  });

  it("is a Word package", () => {
    assert.ok(files["[Content_Types].xml"]);
    assert.ok(documentXml.startsWith("<?xml"));
  });

  it("contains every statement's text exactly once before the action plan (which repeats those needing action)", () => {
    const beforePlan = documentXml.slice(0, documentXml.lastIndexOf(">Action plan<"));
    for (const statement of allStatements)
      assert.equal(occurrences(beforePlan, `>${xmlEscaped(statement.text)}<`), 1, statement.id);
  });

  it("ticks the agreed rating's column, noting provisional ratings", () => {
    for (const statement of [
      firstWithSource("moderated"),
      firstWithSource("consensus"),
      firstWithSource("provisional"),
    ]) {
      const cells = rowCells(documentXml, statement);
      assert.equal(cells.length, 7, statement.id);
      const ticked = cells.flatMap((cell, index) => (cell.includes("✓") ? [index] : []));
      // Columns: statement, then ratings 4, 3, 2, 1.
      assert.deepEqual(ticked, [1 + (4 - (statement.agreedRating ?? 0))], statement.id);
      const tickCell = cells[ticked[0] ?? 0] ?? "";
      assert.equal(tickCell.includes("(provisional)"), statement.ratingSource === "provisional", statement.id);
    }
    assert.ok(!rowCells(documentXml, firstWithSource("unanswered")).some((cell) => cell.includes("✓")));
  });

  it("lists merged evidence with its attribution", () => {
    const statement = allStatements.find((s) => s.evidence.some((comment) => comment.attribution.length > 1));
    const comment = statement?.evidence.find((c) => c.attribution.length > 1);
    assert.ok(statement && comment);
    const evidenceCell = rowCells(documentXml, statement)[5] ?? "";
    assert.ok(evidenceCell.includes(xmlEscaped(comment.text)));
    assert.ok(evidenceCell.includes(xmlEscaped(` — ${comment.attribution.join(", ")}`)));
  });

  it("uses the framework's area headings and global lines", () => {
    assert.ok(documentXml.includes(xmlEscaped(`1. Gold Standard Area: ${compiled.areas[0]?.title}`)));
    assert.ok(documentXml.includes(`>${xmlEscaped(`10. ${compiled.areas[9]?.title}`)}<`));
    for (const area of compiled.areas)
      assert.ok(
        documentXml.includes(xmlEscaped(`${compiled.framework.globalLinePrefix} ${area.globalLine}`)),
        `global line ${area.number}`,
      );
    assert.ok(documentXml.includes(xmlEscaped("Final ‘global’ rating in each Gold standard area")));
  });

  it("fills the front sheet and lists what is unresolved", () => {
    assert.ok(documentXml.includes(xmlEscaped(compiled.frontSheet.localAuthority)));
    assert.ok(documentXml.includes(xmlEscaped(compiled.frontSheet.completionMethod)));
    assert.ok(documentXml.includes(">Unresolved<"));
    for (const item of compiled.summary.unresolved)
      assert.ok(documentXml.includes(xmlEscaped(item.description)), item.description);
  });

  it("has a cover with the marking, authority, title and date, then a Word TOC field", () => {
    const cover = documentXml.slice(0, documentXml.indexOf("Contents"));
    for (const text of [
      "OFFICIAL-SENSITIVE",
      compiled.frontSheet.localAuthority,
      compiled.framework.title,
      "19 April 2025",
    ]) {
      assert.ok(cover.includes(xmlEscaped(text)), text);
    }
    assert.match(documentXml, /<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    assert.ok(strFromU8(files["word/settings.xml"] ?? new Uint8Array()).includes("<w:updateFields"));
  });

  it("puts the running header and the marked, numbered footer on every section", () => {
    const headers = Object.keys(files).filter((name) => /^word\/header\d+\.xml$/.test(name));
    const footers = Object.keys(files).filter((name) => /^word\/footer\d+\.xml$/.test(name));
    assert.ok(headers.length >= 1 && footers.length >= 1);
    for (const name of headers)
      assert.ok(
        strFromU8(files[name] ?? new Uint8Array()).includes(xmlEscaped(compiled.frontSheet.localAuthority)),
        name,
      );
    for (const name of footers) {
      const footer = strFromU8(files[name] ?? new Uint8Array());
      assert.ok(footer.includes("OFFICIAL-SENSITIVE"), name);
      assert.match(footer, /<w:instrText[^>]*>PAGE<\/w:instrText>/);
      assert.match(footer, /<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    }
    const sections = documentXml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    assert.equal(sections.length, 2);
    for (const section of sections) {
      assert.match(section, /<w:headerReference w:type="default"/);
      assert.match(section, /<w:footerReference w:type="default"/);
    }
  });

  it("opens with the executive summary, before the first area table", () => {
    // The contents list the headings too: look after them.
    const body = documentXml.slice(documentXml.indexOf("</w:sdt>"));
    const summary = body.indexOf(">Executive summary<");
    const firstArea = body.indexOf(xmlEscaped(`1. Gold Standard Area: ${compiled.areas[0]?.title}`));
    const firstStatement = body.indexOf(`>${xmlEscaped(allStatements[0]?.text ?? "")}<`);
    assert.ok(
      summary > 0 && summary < firstArea && firstArea < firstStatement,
      `${summary} < ${firstArea} < ${firstStatement}`,
    );
    const head = body.slice(summary, firstArea);
    for (const text of [
      "Top strengths",
      "Top priorities",
      "What is unresolved",
      "How the assessment was done",
      "Agree at present %",
      "70%",
    ]) {
      assert.ok(head.includes(xmlEscaped(text)), text);
    }
  });

  it("shows the young people's scores beside the staff's in the summary and global tables, calling out gaps of 3 points or more", () => {
    const scored = compiled.areas.filter((area) => area.youngPeopleScore !== undefined);
    assert.ok(
      scored.length > 0 && scored.some((area) => youngPeopleGap(area)?.notable),
      "the fixture has young people's scores and a wide gap",
    );
    for (const area of scored) {
      const cell = `>${xmlEscaped(formatYoungPeopleScore(area, compiled.framework.globalScoreMax))}<`;
      // At least in the summary table and the global rating table (a staff score can read the same).
      assert.ok(occurrences(documentXml, cell) >= 2, `area ${area.number}: summary table and global rating table`);
      const gap = youngPeopleGap(area);
      if (gap?.notable)
        assert.ok(
          documentXml.includes(xmlEscaped(`— ${describeGap(gap.difference)}.`)),
          `area ${area.number} gap listed in the summary`,
        );
    }
  });

  it("ends with the sign-off fields", () => {
    const signOff = documentXml.lastIndexOf(">Sign-off<");
    assert.ok(signOff > documentXml.lastIndexOf(">Unresolved<"));
    for (const field of ["Signed off by (name)", "Date"])
      assert.ok(documentXml.slice(signOff).includes(`>${field}<`), field);
  });

  it("embeds the two charts and lays the tables out on landscape pages", () => {
    const media = Object.keys(files).filter((name) => /^word\/media\/.+\.png$/.test(name));
    assert.equal(media.length, 2);
    assert.match(documentXml, /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  it("builds without charts", async () => {
    const bare = unzipSync(
      new Uint8Array(
        await buildAssessmentDocx(compiled, undefined, { protectiveMarking: "OFFICIAL", copy: "publication" }),
      ),
    );
    assert.equal(Object.keys(bare).filter((name) => name.startsWith("word/media/")).length, 0);
  });
});
