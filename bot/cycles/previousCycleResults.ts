import type { CycleResult } from "../../assessment/cycles/cycleResult";
import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { AppStorage } from "../../storage/openStorage";

/** More earlier cycles than any chart can show; a longer chain is cut, not followed for ever. */
const MAX_PREVIOUS_CYCLES = 20;

/**
 * The agreed results of the cycles before `details`, oldest first, following `previousAssessmentId`
 * (one read each). A closed cycle without a stored result (closed by an older version) is skipped.
 */
export async function previousCycleResults(
  assessments: Pick<AppStorage["assessments"], "get">,
  details: AssessmentDetails,
): Promise<CycleResult[]> {
  const results: CycleResult[] = [];
  let previousId = details.previousAssessmentId;
  while (previousId !== undefined && results.length < MAX_PREVIOUS_CYCLES) {
    const previous = (await assessments.get(previousId))?.value;
    if (!previous) break;
    if (previous.result) results.unshift(previous.result);
    previousId = previous.previousAssessmentId;
  }
  return results;
}
