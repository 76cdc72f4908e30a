import assert from "node:assert/strict";
import { strFromU8, unzipSync } from "fflate";
import type { CompileAssessmentInput } from "../../assessment/compile/compileAssessmentInput";
import { compilePublicationCopy } from "../../assessment/publication/compilePublicationCopy";
import { REDACTED } from "../../assessment/publication/redactPersonalData";
import { buildCompiledDocuments, type CompiledDocuments } from "../../documents/buildCompiledDocuments";
import { compileAssessment } from "../../assessment/compile/compileAssessment";
import { generateAssessment } from "../../simulator/assessment/generateAssessment";
import { rankActions } from "../../assessment/compile/rankActions";
import type { ActionItem } from "../../assessment/actionPlan/actionItem";

const EMAIL = "jo.bloggs@northshire.gov.uk";
const PHONES = ["01632 960123", "+44 7700 900123"];
const ACTION_OWNER = "Dana Ownerley";

/** The generated fixture with personal data typed into evidence, ideas, a rationale, agreed text and the front sheet. */
function fixtureWithPersonalData(): CompileAssessmentInput {
  const input = generateAssessment({ seed: 11, youngPeopleScores: true });
  const names = [...new Set(input.answers.map((answer) => answer.respondent.name))];
  const answers = input.answers.map((answer, index) =>
    index % 7 === 0
      ? {
          ...answer,
          evidence: `Checked with ${names[index % names.length]} (${EMAIL}, ${PHONES[index % 2]}). ${answer.evidence}`,
          ideas: `Ask ${names[(index + 1) % names.length]?.split(" ")[0]} to lead`,
        }
      : answer,
  );
  const lead = input.assignments[0]?.leads[0]?.name ?? "";
  const decisions = input.decisions.map((decision, index) => ({
    ...decision,
    rationale: `Agreed with ${lead} by phone on ${PHONES[0]}`,
    // Agreed text goes in the area tables (members' words in the appendix): redacted the same way.
    ...(index % 2 === 0
      ? { agreedEvidence: `Summary checked by ${lead} (${EMAIL})`, agreedIdeas: `${lead} to call ${PHONES[1]}` }
      : {}),
  }));
  // An owner who wrote nothing: named only by the action plan.
  const firstAction = rankActions(compileAssessment(input).areas)[0];
  assert.ok(firstAction, "the fixture has an action");
  const actionItems: ActionItem[] = [
    {
      assessmentId: input.details.id,
      areaNumber: firstAction.areaNumber,
      statementId: firstAction.statementId,
      owner: { aadObjectId: "owner-1", teamsUserId: "29:owner-1", name: ACTION_OWNER },
      dueDate: "2027-03-31",
      status: "At risk",
      updatedAt: "2026-11-30T10:00:00Z",
      updatedBy: "coordinator-1",
    },
  ];
  return {
    ...input,
    answers,
    decisions,
    actionItems,
    details: { ...input.details, completionMethod: `Run by ${lead}; questions to ${EMAIL}` },
  };
}

/** Every part of the package as text (XML, relationships, properties); images are skipped. */
function packageText(docx: Buffer): string {
  const parts = unzipSync(new Uint8Array(docx));
  return Object.entries(parts)
    .filter(([name]) => !name.startsWith("word/media/"))
    .map(([, bytes]) => strFromU8(bytes))
    .join("\n");
}

describe("the publication copy", function () {
  this.timeout(60_000);
  const input = fixtureWithPersonalData();
  const people = [
    ...input.answers.map((answer) => answer.respondent.name),
    ...input.assignments.flatMap((assignment) => assignment.leads.map((lead) => lead.name)),
    ...input.decisions.map((decision) => decision.decidedBy.name),
    ACTION_OWNER,
  ];
  const names = [...new Set(people)];
  // A surname that is also one of the document's own words ("Young" people) cannot be checked alone.
  const ownWords = `${JSON.stringify(input.framework)} Young people`;
  const surnames = [...new Set(names.map((name) => name.split(" ").at(-1) ?? name))].filter(
    (surname) => !ownWords.includes(surname),
  );
  let internal: CompiledDocuments;
  let publication: CompiledDocuments;

  before(async () => {
    [internal, publication] = await Promise.all([
      buildCompiledDocuments(compileAssessment(input), { copy: "internal" }),
      buildCompiledDocuments(compilePublicationCopy(input), { copy: "publication" }),
    ]);
  });

  it("the internal copy does name people and carries what they typed (so the check below can fail)", () => {
    const text = packageText(internal.docx);
    assert.ok(names.every((name) => text.includes(name)));
    assert.ok(text.includes(EMAIL) && PHONES.every((phone) => text.includes(phone)));
  });

  it("has no member's name, e-mail address or phone number in any part of the Word package, the CSV or the JSON", () => {
    const texts = { docx: packageText(publication.docx), csv: publication.csv, json: publication.json };
    for (const [kind, text] of Object.entries(texts)) {
      for (const name of [...names, ...surnames]) assert.ok(!text.includes(name), `${kind} contains ${name}`);
      assert.ok(!text.includes(EMAIL), `${kind} contains the e-mail address`);
      for (const phone of PHONES) assert.ok(!text.includes(phone), `${kind} contains ${phone}`);
      assert.ok(text.includes(REDACTED), `${kind} shows where something was removed`);
    }
  });

  it("says an action has an owner without naming them, and keeps its due date and status", () => {
    const plan = (docx: Buffer) => {
      const xml = strFromU8(unzipSync(new Uint8Array(docx))["word/document.xml"] ?? new Uint8Array());
      return xml.slice(xml.lastIndexOf(">Action plan<"));
    };
    assert.ok(plan(internal.docx).includes(`>${ACTION_OWNER}<`));
    for (const shown of ["Assigned", "2027-03-31", "At risk"])
      assert.ok(plan(publication.docx).includes(`>${shown}<`), shown);
    assert.ok(publication.actionPlanCsv.includes(",Assigned,2027-03-31,At risk"));
  });

  it("keeps everything else: ratings, scores, statement text and the rest of the evidence", () => {
    const full = compileAssessment(input);
    const copy = compilePublicationCopy(input);
    assert.deepEqual(
      copy.areas.map((area) => area.statements.map((s) => [s.id, s.agreedRating, s.ratingSource])),
      full.areas.map((area) => area.statements.map((s) => [s.id, s.agreedRating, s.ratingSource])),
    );
    assert.deepEqual(
      copy.areas.map((area) => area.globalScore.value),
      full.areas.map((area) => area.globalScore.value),
    );
    assert.equal(copy.attribution, "anonymous");
    assert.ok(publication.fileBaseName.endsWith("-publication") && internal.fileBaseName.endsWith("-internal"));
  });
});
