import { createHash } from "node:crypto";
import type { TableClient, TableEntityResult } from "@azure/data-tables";
import type { Answer, GlobalScoreAnswer } from "../../assessment/answers/answer";
import type { ResponseSaveOptions } from "../../storage/repositories/responseRepository";

/** The n-th second of a morning, so saves made in a loop sort in the order they were made. */
export const secondAt = (second: number) => new Date(Date.UTC(2026, 2, 2, 10, 0, second)).toISOString();

/** Save options writing an audit entry as the bot does (rating before → after), its id derived from the version. */
export function audited(answer: Answer): ResponseSaveOptions<Answer> {
  return {
    audit: (previous) => ({
      entry: {
        assessmentId: answer.assessmentId,
        at: answer.updatedAt,
        actorAadObjectId: answer.respondent.aadObjectId,
        action: previous ? "answerChanged" : "answerCreated",
        target: answer.statementId,
        ...(previous ? { before: String(previous.rating) } : {}),
        after: String(answer.rating),
      },
      entryId: entryIdOf(`${answer.statementId}|${answer.respondent.aadObjectId}|${answer.updatedAt}`),
    }),
  };
}

/** As `audited`, for a global score. */
export function auditedScore(score: GlobalScoreAnswer): ResponseSaveOptions<GlobalScoreAnswer> {
  return {
    audit: (previous) => ({
      entry: {
        assessmentId: score.assessmentId,
        at: score.updatedAt,
        actorAadObjectId: score.respondent.aadObjectId,
        action: previous ? "globalScoreChanged" : "globalScoreCreated",
        target: "global",
        ...(previous ? { before: String(previous.score) } : {}),
        after: String(score.score),
      },
      entryId: entryIdOf(`global|${score.respondent.aadObjectId}|${score.updatedAt}`),
    }),
  };
}

function entryIdOf(version: string): string {
  return createHash("sha256").update(version).digest("hex").slice(0, 16);
}

/** Every row of the Responses table as stored, by kind ("s" answers, "g" global scores, "a" audit entries). */
export async function responseRows(
  client: TableClient,
): Promise<Record<"s" | "g" | "a", TableEntityResult<Record<string, unknown>>[]>> {
  const rows: Record<"s" | "g" | "a", TableEntityResult<Record<string, unknown>>[]> = { s: [], g: [], a: [] };
  for await (const entity of client.listEntities()) {
    const kind = entity.rowKey?.split("|")[0];
    if (kind === "s" || kind === "g" || kind === "a") rows[kind].push(entity);
  }
  return rows;
}

/** The audit entries in a stored row's trail (none when it has no trail property). */
export function trailOf(
  row: TableEntityResult<Record<string, unknown>> | undefined,
): { before?: string; after?: string }[] {
  const trail = row?.["trail"];
  return typeof trail === "string" ? (JSON.parse(trail) as { before?: string; after?: string }[]) : [];
}
