import type { Answer } from "../../assessment/answers/answer";
import type { CompileAssessmentInput } from "../../assessment/compile/compileAssessmentInput";
import type { Area, Framework, Statement } from "../../assessment/framework/frameworkSchema";
import { DEFAULT_FRAMEWORK_PATH, loadFramework } from "../../storage/framework/loadFramework";
import { generateAssessment } from "../../simulator/assessment/generateAssessment";
import { findArea } from "../../assessment/framework/frameworkLookup";

/** The realistic assessment every gallery card is drawn from (seeded, so the gallery is stable between runs). */
export interface SampleAssessment {
  framework: Framework;
  records: CompileAssessmentInput;
  /** The area the member and lead cards show. */
  area: Area;
  statement: Statement;
  /** A generated member's answer to `statement`, with evidence and ideas. */
  answer: Answer;
}

const SEED = 7;
const AREA_NUMBER = 4;

export function loadSampleAssessment(): SampleAssessment {
  const framework = loadFramework(DEFAULT_FRAMEWORK_PATH);
  // Area 10 has no group and 3c nobody answered, so the compile summary shows open items too.
  const records = generateAssessment({ seed: SEED, framework, areasWithoutGroup: [10], unansweredStatements: ["3c"] });
  const area = findArea(framework, AREA_NUMBER);
  const statement = area?.statements[0];
  const answer = records.answers.find(
    (candidate) => candidate.statementId === statement?.id && candidate.evidence !== "" && candidate.ideas !== "",
  );
  if (!area || !statement || !answer)
    throw new Error(`the sample assessment (seed ${SEED}) has no answered statement in area ${AREA_NUMBER}`);
  return { framework, records, area, statement, answer };
}
