import assert from "node:assert/strict";
import { compileAssessment } from "../../assessment/compile/compileAssessment";
import {
  ASSESSMENT_JSON_SCHEMA_VERSION,
  buildAssessmentJson,
  parseAssessmentJson,
} from "../../documents/json/buildAssessmentJson";
import { generateAssessment } from "../../simulator/assessment/generateAssessment";
import { compiled } from "./documentTestData";

describe("buildAssessmentJson", () => {
  const json = buildAssessmentJson(compiled);

  it("round-trips the compiled model", () => {
    assert.deepStrictEqual(parseAssessmentJson(json), compiled);
  });

  it("is pretty, versioned JSON", () => {
    assert.ok(json.startsWith(`{\n  "schemaVersion": ${ASSESSMENT_JSON_SCHEMA_VERSION},\n  "assessmentId": `));
    assert.ok(json.endsWith("}\n"));
  });

  it("is byte-for-byte the same for the same records in another order", () => {
    const input = generateAssessment({ seed: 4 });
    const reversed = {
      ...input,
      answers: [...input.answers].reverse(),
      globalScores: [...input.globalScores].reverse(),
      decisions: [...input.decisions].reverse(),
    };
    assert.equal(buildAssessmentJson(compileAssessment(reversed)), buildAssessmentJson(compileAssessment(input)));
  });

  it("refuses other schema versions", () => {
    assert.throws(
      () =>
        parseAssessmentJson(json.replace(`"schemaVersion": ${ASSESSMENT_JSON_SCHEMA_VERSION}`, '"schemaVersion": 99')),
      /schemaVersion 99 is not supported/,
    );
    assert.throws(() => parseAssessmentJson("{}"), /no schemaVersion/);
  });
});
