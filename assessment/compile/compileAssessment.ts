import type { ActionItem } from "../actionPlan/actionItem";
import type { Person } from "../answers/person";
import type { CompiledActionTracking, CompiledAssessment, CompiledFrameworkInfo } from "./compiledAssessment";
import type { CompileAssessmentInput } from "./compileAssessmentInput";
import { consensusRuleLine } from "../consensus/consensusRuleLine";
import { compileArea } from "./compileArea";
import { compileFrontSheet } from "./compileFrontSheet";
import { latestRecords, type LatestRecords } from "./latestRecords";
import { summariseAssessment } from "./summariseAssessment";
import { compareWithPrevious } from "../cycles/compareWithPrevious";

export type { CompileAssessmentInput } from "./compileAssessmentInput";

/**
 * The final compile: every statement's agreed rating with its evidence and ideas, every area's
 * global score, the front sheet and a summary. Pure and deterministic: the same records in any
 * order give a deep-equal result, so recompiling after a late answer only changes what it touched.
 */
export function compileAssessment(input: CompileAssessmentInput): CompiledAssessment {
  const { framework, details } = input;
  const records = latestRecords(input);
  const areas = framework.areas.map((area) =>
    compileArea({
      area,
      assignment: records.assignments.get(area.number),
      answers: records.answersByArea.get(area.number) ?? [],
      globalScores: records.globalScoresByArea.get(area.number) ?? [],
      decisions: records.decisions,
      globalDecision: records.globalDecisions.get(area.number),
      members: ownNumber(input.membersPerArea, area.number),
      globalScoreMax: framework.globalScoreMax,
      youngPeopleScore: input.youngPeopleScores ? ownNumber(input.youngPeopleScores, area.number) : undefined,
      attribution: input.attribution,
      thresholds: input.thresholds,
    }),
  );
  const compiled: CompiledAssessment = {
    assessmentId: details.id,
    framework: frameworkInfo(input.framework),
    compiledAt: input.compiledAt,
    timeZone: details.timeZone,
    attribution: input.attribution,
    frontSheet: compileFrontSheet({
      details,
      compiledAt: input.compiledAt,
      assignments: [...records.assignments.values()],
      answerInstants: [...records.answersByArea.values(), ...records.globalScoresByArea.values()]
        .flat()
        .map((record) => record.updatedAt),
      people: everyone(records),
    }),
    areas,
    summary: summariseAssessment(areas, framework.globalScoreMax),
    consensusRule: { thresholds: { ...input.thresholds }, description: consensusRuleLine(input.thresholds) },
  };
  // Only set when given, as youngPeopleScore on the areas.
  if (input.youngPeopleSource) compiled.youngPeopleSource = input.youngPeopleSource;
  if (input.actionItems && input.actionItems.length > 0) compiled.actionTracking = actionTracking(input.actionItems);
  return compareWithPrevious(compiled, input.previousCycles ?? []);
}

/** Keyed by statement, sorted so the same items in any order compile deep-equal. */
function actionTracking(items: readonly ActionItem[]): Record<string, CompiledActionTracking> {
  return Object.fromEntries(
    [...items]
      .sort((a, b) => a.statementId.localeCompare(b.statementId))
      .map((item) => [
        item.statementId,
        { owner: item.owner?.name ?? "", dueDate: item.dueDate ?? "", status: item.status },
      ]),
  );
}

/** The framework as the compiled result carries it: everything but its source and areas, the scale without guides. */
function frameworkInfo(framework: CompileAssessmentInput["framework"]): CompiledFrameworkInfo {
  const { source: _source, areas: _areas, scale, ...info } = framework;
  return { ...info, scale: scale.map(({ value, label, shortLabel }) => ({ value, label, shortLabel })) };
}

/** A finite number stored under this area, ignoring inherited keys and junk such as NaN. */
function ownNumber(record: Readonly<Record<number, number>>, areaNumber: number): number | undefined {
  if (!Object.hasOwn(record, areaNumber)) return undefined;
  const value = record[areaNumber];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function everyone(records: LatestRecords): Person[] {
  return [
    ...[...records.answersByArea.values(), ...records.globalScoresByArea.values()]
      .flat()
      .map((record) => record.respondent),
    ...[...records.assignments.values()].flatMap((assignment) => assignment.leads),
    ...[...records.decisions.values(), ...records.globalDecisions.values()].map((decision) => decision.decidedBy),
  ];
}
