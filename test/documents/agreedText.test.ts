import assert from "node:assert/strict";
import { strFromU8, unzipSync } from "fflate";
import type { CompileAssessmentInput } from "../../assessment/compile/compileAssessmentInput";
import type { CompiledStatement } from "../../assessment/compile/compiledAssessment";
import { compileAssessment } from "../../assessment/compile/compileAssessment";
import { rankActions } from "../../assessment/compile/rankActions";
import { compilePublicationCopy } from "../../assessment/publication/compilePublicationCopy";
import { buildCompiledDocuments, type CompiledDocuments } from "../../documents/buildCompiledDocuments";
import { parseAssessmentCsv } from "../support/parseCsvColumns";
import { generateAssessment } from "../../simulator/assessment/generateAssessment";

const AGREED_EVIDENCE = "Pathway plans audited in March;\nyoung people co-wrote the leaflet";
const AGREED_IDEAS = "A care leavers' panel to review the local offer";
const LEGEND = "rating accepted from the group's answers without discussion";

/** The generated fixture, with agreed text on one decision and another accepted without discussion. */
function fixture(): { input: CompileAssessmentInput; agreedId: string; acceptedId: string } {
  const input = generateAssessment({ seed: 11, youngPeopleScores: true });
  // Statements with members' evidence and ideas, and an agreed rating that puts them in the action plan.
  const withWords = (id: string) =>
    input.answers.some((answer) => answer.statementId === id && answer.evidence !== "" && answer.ideas !== "");
  const [agreed, accepted] = input.decisions.filter(
    (decision) => decision.agreedRating <= 2 && withWords(decision.statementId),
  );
  assert.ok(agreed && accepted, "the fixture has two decided statements with members' words");
  const decisions = input.decisions.map((decision) =>
    decision === agreed
      ? { ...decision, agreedEvidence: AGREED_EVIDENCE, agreedIdeas: AGREED_IDEAS }
      : decision === accepted
        ? { ...decision, acceptedProposal: true, rationale: "Accepted the proposed rating." }
        : decision,
  );
  return { input: { ...input, decisions }, agreedId: agreed.statementId, acceptedId: accepted.statementId };
}

function xmlEscaped(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&apos;");
}

function documentXml(documents: CompiledDocuments): string {
  return strFromU8(unzipSync(new Uint8Array(documents.docx))["word/document.xml"] ?? new Uint8Array());
}

/** The table row (raw XML) of the statement's area table. */
function tableRow(xml: string, statement: CompiledStatement): string {
  const row = xml
    .match(/<w:tr[ >][\s\S]*?<\/w:tr>/g)
    ?.find((candidate) => candidate.includes(`>${xmlEscaped(statement.text)}<`));
  assert.ok(row, `row for ${statement.id}`);
  return row;
}

describe("agreed text in the compiled documents", function () {
  this.timeout(60_000);
  const { input, agreedId, acceptedId } = fixture();
  const compiled = compileAssessment(input);
  const statements = compiled.areas.flatMap((area) => area.statements);
  const statementOf = (id: string) => statements.find((statement) => statement.id === id) ?? assert.fail(id);
  let internal: CompiledDocuments;
  let publication: CompiledDocuments;
  let xml: string;
  let appendix: string;

  before(async () => {
    [internal, publication] = await Promise.all([
      buildCompiledDocuments(compiled, { copy: "internal" }),
      buildCompiledDocuments(compilePublicationCopy(input), { copy: "publication" }),
    ]);
    xml = documentXml(internal);
    // The last occurrence: the contents page lists the heading first.
    const start = xml.lastIndexOf(">Appendix: members&apos; own words<");
    assert.ok(start > 0, "the document has the appendix");
    appendix = xml.slice(start);
  });

  it("shows the agreed text in the statement's row instead of the members' words", () => {
    const statement = statementOf(agreedId);
    const row = tableRow(xml, statement);
    for (const line of [...AGREED_EVIDENCE.split("\n"), AGREED_IDEAS]) assert.ok(row.includes(xmlEscaped(line)), line);
    for (const comment of [...statement.evidence, ...statement.ideas])
      assert.ok(
        !row.includes(xmlEscaped(comment.text.split("\n")[0] ?? "")),
        `member's words in the row: ${comment.text}`,
      );
  });

  it("keeps every member's words, with their names, in the appendix by area and statement", () => {
    for (const comment of [...statementOf(agreedId).evidence, ...statementOf(agreedId).ideas]) {
      assert.ok(appendix.includes(xmlEscaped(comment.text.split("\n")[0] ?? "")), comment.text);
      assert.ok(comment.attribution.every((name) => appendix.includes(xmlEscaped(name))));
    }
    assert.ok(!appendix.includes(xmlEscaped(AGREED_IDEAS)), "the appendix holds members' words, not the agreed text");
    const positions = statements.map((statement) =>
      appendix.indexOf(`>${xmlEscaped(`${statement.id}. ${statement.text}`)}<`),
    );
    assert.ok(
      positions.every((position) => position > 0),
      "every statement has its place in the appendix",
    );
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => a - b),
      "in framework order",
    );
  });

  it("marks a rating accepted without discussion in its cell and explains the mark once, with no sentence per cell", () => {
    const body = xml.slice(0, xml.lastIndexOf(">Appendix: members&apos; own words<"));
    assert.equal(body.split(xmlEscaped(LEGEND)).length - 1, 1, "the legend once");
    const row = tableRow(xml, statementOf(acceptedId));
    assert.ok(row.includes("†"), "the accepted rating carries the mark");
    assert.ok(!row.includes("Accepted the proposed rating"), "no acceptance sentence in the cell");
    assert.ok(!row.includes("Moderation ("), "no moderation line for an accepted rating");
    assert.ok(!tableRow(xml, statementOf(agreedId)).includes("†"), "a discussed decision has no mark");
  });

  it("gives the agreed text in the CSV and JSON, and the agreed ideas to the action plan", () => {
    const row = parseAssessmentCsv(internal.csv).find((candidate) => candidate.statementId === agreedId);
    assert.equal(row?.agreedEvidence, AGREED_EVIDENCE);
    assert.equal(row.agreedIdeas, AGREED_IDEAS);
    assert.equal(parseAssessmentCsv(internal.csv).find((c) => c.statementId === acceptedId)?.agreedEvidence, "");
    const json = JSON.parse(internal.json) as { areas: Array<{ statements: CompiledStatement[] }> };
    const stored = json.areas.flatMap((area) => area.statements).find((statement) => statement.id === agreedId);
    assert.equal(stored?.agreedEvidence, AGREED_EVIDENCE);
    const actions = rankActions(compiled.areas);
    assert.deepEqual(
      actions.find((action) => action.statementId === agreedId)?.ideas.map((idea) => idea.text),
      [AGREED_IDEAS],
    );
    const collated = actions.find((action) => action.statementId === acceptedId);
    assert.deepEqual(collated?.ideas, statementOf(acceptedId).ideas, "collated ideas where none were agreed");
  });

  it("keeps the publication copy's appendix without names", () => {
    const names = [...new Set(input.answers.map((answer) => answer.respondent.name))];
    const text = documentXml(publication);
    assert.ok(text.includes(">Appendix: members&apos; own words<"));
    for (const name of names) assert.ok(!text.includes(xmlEscaped(name)), name);
    assert.ok(text.includes(xmlEscaped(AGREED_IDEAS)));
  });
});
