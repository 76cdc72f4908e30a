import { createHash } from "node:crypto";
import { addCalendarMonths, isRetentionDue } from "../../assessment/retention/retentionDue";
import type { AuditEntry } from "../../assessment/audit/auditEntry";
import type { Ports } from "../app/botServices";
import { deleteExportFiles } from "../dataProtection/exportFiles";

/** The audit action recording a retention deletion; its `target` is the compile it followed. */
export const RETENTION_AUDIT_ACTION = "retentionPurge";
/** Entries retention keeps: they hold counts only, and prove the deletions happened. */
const CONTENT_FREE_ACTIONS: ReadonlySet<string> = new Set([RETENTION_AUDIT_ACTION, "personErased"]);

export interface RetentionReport {
  assessments: number;
  answers: number;
  globalScores: number;
  rationales: number;
  auditEntries: number;
  exportFiles: number;
}

/** Deleting raw answers, rationales, old audit entries and export files once an assessment is past retention. */
export type RetentionPorts = Ports<
  "clock" | "config" | "framework" | "logger",
  "assessments" | "audit" | "compiledFiles" | "moderation" | "responses"
>;

/**
 * Deletes the raw data of every assessment whose last compile is RETENTION_MONTHS old: answers,
 * global scores, moderation rationales (free text that may name people), stored personal data
 * exports and the audit trail. The compiled documents, the agreed ratings and who recorded them
 * stay, so a compile afterwards produces the moderated result without evidence. Safe to run on
 * several instances at once: deleting twice deletes nothing more, and the audit entry's key is
 * derived from the compile it follows, so it is written once.
 */
export async function runRetention(services: RetentionPorts): Promise<RetentionReport> {
  const months = services.config.retentionMonths;
  const report: RetentionReport = {
    assessments: 0,
    answers: 0,
    globalScores: 0,
    rationales: 0,
    auditEntries: 0,
    exportFiles: 0,
  };
  if (months === 0) return report;
  const now = services.clock();
  for (const assessment of await services.storage.assessments.list()) {
    const state = { lastCompiledAt: assessment.compiledAt };
    if (!isRetentionDue(state, months, now)) continue;
    const audit = await services.storage.audit.list(assessment.id);
    if (!isRetentionDue({ ...state, purgedForCompileAt: lastPurge(audit) }, months, now)) continue;
    await purgeAssessment(
      services,
      { assessmentId: assessment.id, compiledAt: assessment.compiledAt ?? "", audit },
      months,
      report,
    );
  }
  if (report.assessments > 0) services.logger.info({ retention: report, months }, "retention: raw answers deleted");
  return report;
}

async function purgeAssessment(
  services: RetentionPorts,
  { assessmentId, compiledAt, audit }: { assessmentId: string; compiledAt: string; audit: readonly AuditEntry[] },
  months: number,
  report: RetentionReport,
): Promise<void> {
  const { storage, framework } = services;
  // Personal data exports are copies of raw answers: they go before the audit entries listing them.
  const exportFiles = await deleteExportFiles(services, audit);
  const deleted = await storage.responses.deleteAreas(
    assessmentId,
    framework.areas.map((area) => area.number),
  );
  const rationales = await storage.moderation.rewriteAll(assessmentId, {
    decision: blankRationale,
    globalDecision: blankRationale,
  });
  const auditEntries = await storage.audit.deleteWhere(
    assessmentId,
    (entry) => !CONTENT_FREE_ACTIONS.has(entry.action),
  );
  // Written last, so a run that dies half-way is redone by the next; `at` is the due date, so
  // every instance derives the same row key and appendOnce keeps one entry.
  const dueAt = addCalendarMonths(new Date(compiledAt), months).toISOString();
  const entryId = createHash("sha256").update(`${assessmentId}|${compiledAt}`).digest("hex").slice(0, 16);
  const counts = {
    answers: deleted.answers,
    globalScores: deleted.globalScores,
    rationales,
    auditEntries,
    exportFiles,
  };
  await storage.audit.appendOnce(
    {
      assessmentId,
      at: dueAt,
      actorAadObjectId: "retention",
      action: RETENTION_AUDIT_ACTION,
      target: compiledAt,
      after: JSON.stringify(counts),
    },
    entryId,
  );
  report.assessments += 1;
  report.answers += deleted.answers;
  report.globalScores += deleted.globalScores;
  report.rationales += rationales;
  report.auditEntries += auditEntries;
  report.exportFiles += exportFiles;
}

/** A decision with its free-text rationale emptied; undefined when there is nothing to empty. */
function blankRationale<T extends { rationale: string }>(decision: T): T | undefined {
  return decision.rationale === "" ? undefined : { ...decision, rationale: "" };
}

/** The compile instant the newest retention entry followed. */
function lastPurge(audit: readonly AuditEntry[]): string | undefined {
  return audit.filter((entry) => entry.action === RETENTION_AUDIT_ACTION).at(-1)?.target;
}
