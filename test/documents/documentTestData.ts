import { compileAssessment } from "../../assessment/compile/compileAssessment";
import type { CompiledAssessment, CompiledStatement } from "../../assessment/compile/compiledAssessment";
import { generateAssessment } from "../../simulator/assessment/generateAssessment";

/** One realistic compiled assessment for the document tests: a draft with an unassigned area and young people's scores. */
export const compiled: CompiledAssessment = compileAssessment(
  generateAssessment({ seed: 11, youngPeopleScores: true, areasWithoutGroup: [10], unansweredStatements: ["3c"] }),
);

export const allStatements: CompiledStatement[] = compiled.areas.flatMap((area) => area.statements);

/** The first statement with this rating source, for sampling. */
export function firstWithSource(source: CompiledStatement["ratingSource"]): CompiledStatement {
  const found = allStatements.find((statement) => statement.ratingSource === source);
  if (!found) throw new Error(`the test assessment has no ${source} statement`);
  return found;
}
