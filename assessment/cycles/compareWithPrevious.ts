import type { CompiledArea, CompiledAssessment } from "../compile/compiledAssessment";
import { changeBetween } from "./change";
import { previousRatingOf, previousScoreOf, type CycleResult } from "./cycleResult";

/**
 * Adds the comparison with earlier cycles to a compiled assessment: each statement's and area's
 * previous agreed value and which way it moved since the last cycle, and every cycle's global
 * scores for the chart. `previousCycles` are oldest first; with none the model is returned as is,
 * so a first cycle's documents do not change.
 */
export function compareWithPrevious(
  compiled: CompiledAssessment,
  previousCycles: readonly CycleResult[],
): CompiledAssessment {
  const last = previousCycles.at(-1);
  if (!last) return compiled;
  return {
    ...compiled,
    areas: compiled.areas.map((area) => compareArea(area, last)),
    cycles: [
      ...previousCycles.map((cycle) => ({
        completedOn: cycle.completedOn,
        source: cycle.source,
        globalScores: compiled.areas.map((area) => previousScoreOf(cycle, area.number) ?? null),
      })),
      {
        completedOn: compiled.frontSheet.dateCompleted,
        source: "bot" as const,
        globalScores: compiled.areas.map((area) => area.globalScore.value),
      },
    ],
  };
}

function compareArea(area: CompiledArea, last: CycleResult): CompiledArea {
  const previousScore = previousScoreOf(last, area.number) ?? null;
  return {
    ...area,
    statements: area.statements.map((statement) => {
      const previousRating = previousRatingOf(last, statement.id) ?? null;
      return { ...statement, previousRating, change: changeBetween(previousRating, statement.agreedRating) };
    }),
    globalScore: {
      ...area.globalScore,
      previousValue: previousScore,
      change: changeBetween(previousScore, area.globalScore.value),
    },
  };
}
