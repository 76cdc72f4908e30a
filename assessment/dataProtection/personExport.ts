import type { Framework } from "../framework/frameworkSchema";
import { findArea, findStatement } from "../framework/frameworkLookup";
import type { PersonRecords } from "./personRecords";

/**
 * A subject-access export: everything one person wrote or that was recorded about them in one
 * assessment, with statement and area titles so it reads without the framework at hand.
 * Answers are replaced when changed, so earlier versions exist only as the audit's rating changes.
 */
export function buildPersonExport(
  records: PersonRecords,
  context: { framework: Framework; assessmentId: string; exportedAt: string },
) {
  const { framework } = context;
  return {
    kind: "personal data export",
    assessmentId: context.assessmentId,
    exportedAt: context.exportedAt,
    person: { aadObjectId: records.aadObjectId, name: records.name },
    roles: { coordinator: records.isCoordinator, leadOfAreas: [...records.leadOf] },
    answers: records.answers.map((answer) => ({
      area: answer.areaNumber,
      areaTitle: findArea(framework, answer.areaNumber)?.title ?? "",
      statementId: answer.statementId,
      statement: findStatement(framework, answer.statementId)?.statement.text ?? "",
      rating: answer.rating,
      evidence: answer.evidence,
      ideas: answer.ideas,
      updatedAt: answer.updatedAt,
    })),
    globalScores: records.globalScores.map((score) => ({
      area: score.areaNumber,
      score: score.score,
      updatedAt: score.updatedAt,
    })),
    moderationDecisions: records.decisions.map((decision) => ({
      area: decision.areaNumber,
      statementId: decision.statementId,
      agreedRating: decision.agreedRating,
      rationale: decision.rationale,
      decidedAt: decision.decidedAt,
    })),
    globalScoreDecisions: records.globalDecisions.map((decision) => ({
      area: decision.areaNumber,
      agreedScore: decision.agreedScore,
      rationale: decision.rationale,
      decidedAt: decision.decidedAt,
    })),
    ownedActions: records.ownedActions.map((item) => ({
      area: item.areaNumber,
      areaTitle: findArea(framework, item.areaNumber)?.title ?? "",
      statementId: item.statementId,
      statement: findStatement(framework, item.statementId)?.statement.text ?? "",
      dueDate: item.dueDate ?? null,
      status: item.status,
      /** Null when the owner was set before the bot kept this (the audit entries below still date it). */
      assignedAt: item.ownerAssignedAt ?? null,
      updatedAt: item.updatedAt,
    })),
    auditEntries: records.auditEntries.map(({ assessmentId: _assessmentId, ...entry }) => entry),
  };
}
export type PersonExport = ReturnType<typeof buildPersonExport>;
