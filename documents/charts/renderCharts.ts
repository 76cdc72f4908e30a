import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { globalScoresSpec } from "./globalScoresSpec";
import { ratingsPerAreaSpec } from "./ratingsPerAreaSpec";
import { renderChartPng } from "./renderChart";

/** The two PNG charts the Word document embeds. */
export interface AssessmentCharts {
  ratingsPerArea: Buffer;
  globalScores: Buffer;
}

export async function renderCharts(compiled: CompiledAssessment): Promise<AssessmentCharts> {
  const [ratingsPerArea, globalScores] = await Promise.all([renderChartPng(ratingsPerAreaSpec(compiled)), renderChartPng(globalScoresSpec(compiled))]);
  return { ratingsPerArea, globalScores };
}
