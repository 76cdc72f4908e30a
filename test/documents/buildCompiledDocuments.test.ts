import assert from "node:assert/strict";
import { compileAssessment } from "../../assessment/compile/compileAssessment";
import { buildCompiledDocuments } from "../../documents/buildCompiledDocuments";
import { documentFileBaseName } from "../../documents/documentFileBaseName";
import { generateAssessment } from "../../simulator/assessment/generateAssessment";
import { compiled } from "./documentTestData";

describe("buildCompiledDocuments", function () {
  this.timeout(20_000);

  it("names files after the local authority and the date", () => {
    assert.match(documentFileBaseName(compiled), /^self-assessment-[a-z0-9-]+-council-2025-04-19$/);
    const odd = { ...compiled, frontSheet: { ...compiled.frontSheet, localAuthority: " Ynys Môn & Conwy / Test " } };
    assert.equal(documentFileBaseName(odd), "self-assessment-ynys-mon-and-conwy-test-2025-04-19");
    assert.equal(
      documentFileBaseName({ ...compiled, frontSheet: { ...compiled.frontSheet, localAuthority: "" } }),
      "self-assessment-local-authority-2025-04-19",
    );
  });

  // How long this takes is measured by `npm run bench` (compile at 1k, 10k and 100k answers), not asserted here.
  it("compiles and renders the largest fixture (40 members per area)", async () => {
    const input = generateAssessment({ seed: 5, membersPerArea: 40, youngPeopleScores: true });
    const documents = await buildCompiledDocuments(compileAssessment(input));
    assert.ok(input.answers.length > 3500);
    assert.ok(documents.docx.length > 0 && documents.csv.length > 0 && documents.json.length > 0);
  });
});
