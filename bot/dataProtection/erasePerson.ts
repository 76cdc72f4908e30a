import {
  redactActionItem,
  redactAssignment,
  redactAuditEntry,
  redactDecider,
  redactRoundStarter,
} from "../../assessment/dataProtection/removedPerson";
import type { Ports } from "../app/botServices";
import { gatherPersonRecords, type GatherPorts } from "./gatherPersonRecords";
import { deleteExportFiles } from "./exportFiles";

/** What an erasure changed, in counts only: this is what the audit keeps. */
export interface ErasureCounts {
  answers: number;
  globalScores: number;
  /** Moderation records they made: agreed ratings and global scores, and statements they sent back for another round. */
  decisions: number;
  assignments: number;
  /** Actions they owned or last updated (kept, owned by "(removed)"), and their naming as a participation worker. */
  actionItems: number;
  participationWorker: number;
  auditEntries: number;
  conversations: number;
  /** Stored `export` files of this person, deleted with the rest. */
  exportFiles: number;
}

/**
 * Erases one person from one assessment. Their answers and global scores are deleted; records the
 * group still needs (agreed ratings they recorded, rounds they started, areas they led, the audit trail) keep their
 * meaning with REMOVED_PERSON in their place; the reference to their 1:1 chat and any stored
 * export of their data are dropped. Every
 * step is idempotent, so a retried or repeated confirmation finishes the job and changes nothing more.
 */
export async function erasePerson(
  services: GatherPorts & Ports<"cardUpdater", "conversations" | "compiledFiles" | "actionItems" | "assessments">,
  assessmentId: string,
  aadObjectId: string,
): Promise<ErasureCounts> {
  const { storage, framework } = services;
  const records = await gatherPersonRecords(services, assessmentId, { aadObjectId, name: "" });
  const areaNumbers = framework.areas.map((area) => area.number);
  await storage.responses.deleteBy(assessmentId, areaNumbers, aadObjectId);
  const decisions = await storage.moderation.rewriteAll(assessmentId, {
    decision: (decision) => redactDecider(decision, aadObjectId),
    globalDecision: (decision) => redactDecider(decision, aadObjectId),
    round: (round) => redactRoundStarter(round, aadObjectId),
  });
  const assignments = await storage.assignments.list(assessmentId);
  const reassigned = await Promise.all(
    assignments
      .filter((assignment) => redactAssignment(assignment, aadObjectId) !== undefined)
      .map((assignment) =>
        storage.assignments.updateWith(assessmentId, assignment.areaNumber, (current) =>
          current ? redactAssignment(current, aadObjectId) : undefined,
        ),
      ),
  );
  const actionItems = await storage.actionItems.list(assessmentId);
  const redactedActions = await Promise.all(
    actionItems
      .filter((item) => redactActionItem(item, aadObjectId) !== undefined)
      .map((item) =>
        storage.actionItems.rewrite(assessmentId, item.statementId, (current) =>
          current ? redactActionItem(current, aadObjectId) : undefined,
        ),
      ),
  );
  const unnamed = await storage.assessments.updateWith(assessmentId, (current) =>
    current?.participationWorkers?.some((worker) => worker.aadObjectId === aadObjectId)
      ? {
          ...current,
          participationWorkers: current.participationWorkers.filter((worker) => worker.aadObjectId !== aadObjectId),
        }
      : undefined,
  );
  const exportFiles = await deleteExportFiles(
    services,
    records.auditEntries.filter((entry) => entry.target === aadObjectId),
  );
  const auditEntries = await storage.audit.rewrite(assessmentId, (entry) => redactAuditEntry(entry, aadObjectId));
  const conversations = (await storage.conversations.deleteUser(aadObjectId)) ? 1 : 0;
  // The posted cards' shared views count answers and list who may refresh to their own view: redo them.
  for (const assignment of assignments) {
    const cardKeys = new Set([
      ...records.answers
        .filter((answer) => answer.areaNumber === assignment.areaNumber)
        .map((answer) => answer.statementId),
      ...records.globalScores.filter((score) => score.areaNumber === assignment.areaNumber).map(() => "global"),
    ]);
    for (const cardKey of cardKeys) services.cardUpdater.schedule(assignment, cardKey);
  }
  // Counted from what was read: deleteBy removes exactly those rows (and a repeat finds none).
  return {
    answers: records.answers.length,
    globalScores: records.globalScores.length,
    decisions,
    assignments: reassigned.filter((outcome) => outcome.written).length,
    actionItems: redactedActions.filter(Boolean).length,
    participationWorker: unnamed.written ? 1 : 0,
    auditEntries,
    conversations,
    exportFiles,
  };
}
