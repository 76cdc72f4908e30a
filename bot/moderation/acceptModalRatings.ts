import { moderationDecisionSchema } from "../../assessment/moderation/moderationDecision";
import { analyseArea } from "../../assessment/consensus/areaConsensus";
import type { Person } from "../../assessment/answers/person";
import type { Area } from "../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import type { BotServices } from "../app/botServices";

const ACCEPTED_RATIONALE = "Accepted the group's most common rating (no moderation flags).";

/**
 * Records the group's consensus rating as the agreed rating for every UNFLAGGED statement that has
 * no decision yet, for every surface (digest card and tab). Flagged statements, and any decision
 * already made, are left for the lead. Returns "A1: 3"-style entries accepted and the flagged ids.
 */
export async function acceptModalRatings(
  services: Pick<BotServices, "storage" | "clock" | "config" | "framework">,
  input: { assignment: AreaAssignment; area: Area; decidedBy: Person },
): Promise<{ accepted: string[]; flagged: string[] }> {
  const { assignment, area } = input;
  const answers = await services.storage.responses.listAreaAnswers(assignment.assessmentId, area.number);
  const respondents = new Set(answers.map((answer) => answer.respondent.aadObjectId)).size;
  const consensus = analyseArea(
    { areaNumber: area.number, statementIds: area.statements.map((s) => s.id), answers, globalScores: [], members: Math.max(respondents, 1), globalScoreMax: services.framework.globalScoreMax },
    services.config.consensus,
  );
  const existing = new Set((await services.storage.moderation.listDecisions(assignment.assessmentId)).filter((d) => d.areaNumber === area.number).map((d) => d.statementId));
  const decidedAt = services.clock().toISOString();
  const accepted: string[] = [];
  for (const statement of consensus.statements) {
    if (statement.flagged || statement.consensusRating === null || existing.has(statement.statementId)) continue;
    const decision = moderationDecisionSchema.parse({
      assessmentId: assignment.assessmentId,
      areaNumber: area.number,
      statementId: statement.statementId,
      agreedRating: statement.consensusRating,
      rationale: ACCEPTED_RATIONALE,
      decidedBy: input.decidedBy,
      decidedAt,
    });
    const saved = await services.storage.moderation.saveDecision(decision);
    await services.storage.audit.append({
      assessmentId: assignment.assessmentId,
      at: decidedAt,
      actorAadObjectId: input.decidedBy.aadObjectId,
      action: "decisionRecorded",
      target: statement.statementId,
      before: saved.previous ? String(saved.previous.agreedRating) : undefined,
      after: String(decision.agreedRating),
    });
    accepted.push(`${statement.statementId}: ${decision.agreedRating}`);
  }
  return { accepted, flagged: consensus.statements.filter((statement) => statement.flagged).map((statement) => statement.statementId) };
}
