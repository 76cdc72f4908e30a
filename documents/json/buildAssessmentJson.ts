import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";

/** Raised when the compiled model's shape changes in a way a reader of older files must notice. */
export const ASSESSMENT_JSON_SCHEMA_VERSION = 1;

export type AssessmentJson = { schemaVersion: number } & CompiledAssessment;

/**
 * The compiled model as pretty JSON, for archiving and for other tools. Stable: the compile builds
 * every object with its keys in a fixed order and sorts every list, so equal models give equal text.
 */
export function buildAssessmentJson(compiled: CompiledAssessment): string {
  const document: AssessmentJson = { schemaVersion: ASSESSMENT_JSON_SCHEMA_VERSION, ...compiled };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Reads a file written by buildAssessmentJson; refuses other schema versions rather than misread them. */
export function parseAssessmentJson(json: string): CompiledAssessment {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== "object" || parsed === null || !("schemaVersion" in parsed))
    throw new Error("not a compiled assessment: no schemaVersion");
  const { schemaVersion, ...compiled } = parsed as AssessmentJson;
  if (schemaVersion !== ASSESSMENT_JSON_SCHEMA_VERSION) {
    throw new Error(
      `compiled assessment schemaVersion ${schemaVersion} is not supported (expected ${ASSESSMENT_JSON_SCHEMA_VERSION})`,
    );
  }
  return compiled;
}
