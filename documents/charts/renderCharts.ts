import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { globalScoresSpec } from "./globalScoresSpec";
import { ratingSharesSpec } from "./ratingSharesSpec";
import { renderChartPng } from "./renderChart";
import { scoresByCycleSpec } from "./scoresByCycleSpec";

/** The PNG charts the Word document embeds. */
export interface AssessmentCharts {
  ratingShares: Buffer;
  globalScores: Buffer;
  /** Only when there are earlier cycles to compare with. */
  scoresByCycle?: Buffer;
}

export async function renderCharts(compiled: CompiledAssessment): Promise<AssessmentCharts> {
  const byCycle = scoresByCycleSpec(compiled);
  const [ratingShares, globalScores, scoresByCycle] = await Promise.all([
    renderChartPng(ratingSharesSpec(compiled)),
    renderChartPng(globalScoresSpec(compiled)),
    byCycle ? renderChartPng(byCycle) : undefined,
  ]);
  return { ratingShares, globalScores, ...(scoresByCycle ? { scoresByCycle } : {}) };
}
