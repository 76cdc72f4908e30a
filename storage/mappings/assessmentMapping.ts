import { assessmentDetailsSchema, type AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { EntityKeys, EntityMapping } from "../entityMapping";
import { composeKey } from "../tableKeys";

/** Table Assessments: one partition "assessment" (a handful of rows), RowKey = the assessment id. */
export const ASSESSMENT_PARTITION = "assessment";

export function assessmentKeys(assessmentId: string): EntityKeys {
  return { partitionKey: ASSESSMENT_PARTITION, rowKey: composeKey(assessmentId) };
}

export const assessmentMapping: EntityMapping<AssessmentDetails> = {
  schema: assessmentDetailsSchema,
  jsonProperties: ["consensusThresholds", "youngPeople", "participationWorkers", "result"],
  keysOf: (details) => assessmentKeys(details.id),
};
