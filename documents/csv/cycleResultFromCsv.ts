import { z } from "zod";
import type { CycleResult } from "../../assessment/cycles/cycleResult";
import { findStatement } from "../../assessment/framework/frameworkLookup";
import type { Framework } from "../../assessment/framework/frameworkSchema";
import { ratingValueSchema } from "../../assessment/framework/frameworkSchema";
import { readAssessmentCsv } from "./parseAssessmentCsv";

export type CycleImport = { ok: true; result: CycleResult; statements: number } | { ok: false; problems: string[] };

const completedOnSchema = z.iso.date({ error: "the cycle's date must be yyyy-mm-dd, e.g. 2025-03-31" });

/**
 * A previous cycle (typically done on paper) from this project's assessment CSV: the "Agreed rating"
 * and "Area global score" columns are what is kept. Every row is checked against the framework and
 * every problem is listed with its line, so one corrected file imports in one go.
 */
export function cycleResultFromCsv(csv: string, framework: Framework, completedOn: string): CycleImport {
  const date = completedOnSchema.safeParse(completedOn);
  const reading = readAssessmentCsv(csv);
  const problems = [...(date.success ? [] : [date.error.issues[0]?.message ?? "bad date"]), ...reading.problems];
  const rowSchema = importedRowSchema(framework);
  const ratings: CycleResult["ratings"] = {};
  const globalScores: CycleResult["globalScores"] = {};
  const seen = new Set<string>();
  for (const { line, row } of reading.rows) {
    const parsed = rowSchema.safeParse(row);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => `row ${line}: ${issue.message}`));
      continue;
    }
    const { statementId, areaNumber, agreedRating, globalScore } = parsed.data;
    if (seen.has(statementId)) problems.push(`row ${line}: statement ${statementId} appears more than once`);
    seen.add(statementId);
    if (agreedRating !== null) ratings[statementId] = agreedRating;
    const area = String(areaNumber);
    if (globalScore === null) continue;
    const earlier = globalScores[area];
    if (earlier !== undefined && earlier !== globalScore)
      problems.push(`row ${line}: area ${area}'s global score is ${globalScore} here but ${earlier} on an earlier row`);
    else globalScores[area] = globalScore;
  }
  if (reading.rows.length === 0 && problems.length === 0) problems.push("the file has a header but no statements");
  if (problems.length > 0 || !date.success) return { ok: false, problems };
  return {
    ok: true,
    result: { completedOn: date.data, source: "imported", ratings, globalScores },
    statements: seen.size,
  };
}

/** The columns an import keeps, checked against the framework the bot runs. */
function importedRowSchema(framework: Framework) {
  return z
    .object({
      areaNumber: z.number().int(),
      statementId: z.string(),
      agreedRating: ratingValueSchema.nullable(),
      globalScore: z
        .number()
        .min(0)
        .max(framework.globalScoreMax, { error: `the area global score is out of ${framework.globalScoreMax}` })
        .nullable(),
    })
    .superRefine((row, context) => {
      // Tolerates "7A" as the bot's commands do; the id is stored as the framework writes it.
      const found = findStatement(framework, row.statementId);
      if (!found)
        context.addIssue({ code: "custom", message: `statement "${row.statementId}" is not in the framework` });
      else if (found.area.number !== row.areaNumber)
        context.addIssue({
          code: "custom",
          message: `statement ${row.statementId} is in area ${found.area.number}, not ${row.areaNumber}`,
        });
    })
    .transform((row) => ({ ...row, statementId: row.statementId.trim().toLowerCase() }));
}
