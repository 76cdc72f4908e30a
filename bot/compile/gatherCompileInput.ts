import type { CompileAssessmentInput } from "../../assessment/compile/compileAssessmentInput";
import type { ConsensusThresholds } from "../../assessment/consensus/consensusThresholds";
import type { Framework } from "../../assessment/framework/frameworkSchema";
import { thresholdsInForce } from "../../assessment/groups/assessmentDetails";
import { youngPeopleScoresByArea } from "../../assessment/youngPeople/youngPeopleScores";
import type { AppStorage } from "../../storage/openStorage";
import { previousCycleResults } from "../cycles/previousCycleResults";

export interface GatherCompileOptions {
  storage: Pick<AppStorage, "assessments" | "assignments" | "responses" | "moderation" | "actionItems">;
  framework: Framework;
  /** The configured rule, used only when the assessment has none stored. */
  thresholds: ConsensusThresholds;
  assessmentId: string;
  /** The compile's instant (becomes compiledAt). */
  now: Date;
}

/**
 * Reads every stored record of one assessment into the compile's input. Storage only (no
 * botbuilder), so the admin CLI can use it as well as the `compile` command.
 */
export async function gatherCompileInput(options: GatherCompileOptions): Promise<CompileAssessmentInput> {
  const { storage, framework, assessmentId } = options;
  const areaNumbers = framework.areas.map((area) => area.number);
  const [details, assignments, answers, globalScores, decisions, globalDecisions, actionItems] = await Promise.all([
    storage.assessments.get(assessmentId),
    storage.assignments.list(assessmentId),
    storage.responses.listAssessmentAnswers(assessmentId, areaNumbers),
    Promise.all(areaNumbers.map((area) => storage.responses.listAreaGlobalScores(assessmentId, area))).then((perArea) =>
      perArea.flat(),
    ),
    storage.moderation.listDecisions(assessmentId),
    storage.moderation.listGlobalDecisions(assessmentId),
    storage.actionItems.list(assessmentId),
  ]);
  if (!details) throw new Error(`No assessment "${assessmentId}" is stored`);
  const respondents = new Map<number, Set<string>>();
  for (const record of [...answers, ...globalScores]) {
    const area = respondents.get(record.areaNumber) ?? new Set<string>();
    area.add(record.respondent.aadObjectId);
    respondents.set(record.areaNumber, area);
  }
  const membersPerArea: Record<number, number> = {};
  for (const [area, people] of respondents) membersPerArea[area] = people.size;
  const youngPeopleScores = youngPeopleScoresByArea(details.value.youngPeople);
  const youngPeopleSource = details.value.youngPeople?.source.trim() ?? "";
  const previousCycles = await previousCycleResults(storage.assessments, details.value);
  return {
    framework,
    details: details.value,
    assignments,
    answers,
    globalScores,
    decisions,
    globalDecisions,
    actionItems,
    membersPerArea,
    thresholds: thresholdsInForce(details.value, options.thresholds),
    attribution: "names",
    compiledAt: options.now.toISOString(),
    ...(youngPeopleScores ? { youngPeopleScores } : {}),
    ...(youngPeopleSource !== "" ? { youngPeopleSource } : {}),
    ...(previousCycles.length > 0 ? { previousCycles } : {}),
  };
}
