import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { globalScoresSpec } from "./globalScoresSpec";
import { ratingSharesSpec } from "./ratingSharesSpec";
import { renderChartPng } from "./renderChart";

/** The PNG charts the Word document embeds. */
export interface AssessmentCharts {
  ratingShares: Buffer;
  globalScores: Buffer;
}

export async function renderCharts(compiled: CompiledAssessment): Promise<AssessmentCharts> {
  const [ratingShares, globalScores] = await Promise.all([
    renderChartPng(ratingSharesSpec(compiled)),
    renderChartPng(globalScoresSpec(compiled)),
  ]);
  return { ratingShares, globalScores };
}
