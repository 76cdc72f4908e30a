import { z } from "zod";
import type { CompiledAssessment } from "../compile/compiledAssessment";
import { ratingValueSchema, statementIdSchema } from "../framework/frameworkSchema";

/**
 * What one finished cycle agreed, kept with its assessment when it closes (or imported from a cycle
 * done on paper) so the next cycle can show what changed without recompiling the old answers.
 */
export const cycleResultSchema = z.object({
  /** yyyy-mm-dd the cycle was completed, in the assessment's time zone: the "change since" date. */
  completedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** "bot" when compiled from answers given in Teams, "imported" when read from a CSV of a paper cycle. */
  source: z.enum(["bot", "imported"]),
  /** Agreed rating per statement id; a statement without one is absent. */
  ratings: z.record(statementIdSchema, ratingValueSchema),
  /** Agreed (or median) global score per area number; an area without one is absent. */
  globalScores: z.record(z.string().regex(/^\d{1,2}$/), z.number().min(0).max(100)),
});
export type CycleResult = z.infer<typeof cycleResultSchema>;

/** The agreed result of a compiled cycle, as the next cycle compares with it. */
export function cycleResultOf(compiled: CompiledAssessment): CycleResult {
  const ratings: CycleResult["ratings"] = {};
  const globalScores: CycleResult["globalScores"] = {};
  for (const area of compiled.areas) {
    for (const statement of area.statements)
      if (statement.agreedRating !== null) ratings[statement.id] = statement.agreedRating;
    if (area.globalScore.value !== null) globalScores[String(area.number)] = area.globalScore.value;
  }
  return { completedOn: compiled.frontSheet.dateCompleted, source: "bot", ratings, globalScores };
}

/** A rating the cycle agreed for this statement, if any (own keys only: ids come from untrusted files). */
export function previousRatingOf(result: CycleResult, statementId: string): CycleResult["ratings"][string] | undefined {
  return Object.hasOwn(result.ratings, statementId) ? result.ratings[statementId] : undefined;
}

/** The cycle's global score for an area, if it had one. */
export function previousScoreOf(result: CycleResult, areaNumber: number): number | undefined {
  const key = String(areaNumber);
  return Object.hasOwn(result.globalScores, key) ? result.globalScores[key] : undefined;
}
