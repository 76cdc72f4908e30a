import { moderationDecisionSchema } from "../../../assessment/moderation/moderationDecision";
import { analyseArea } from "../../../assessment/consensus/areaConsensus";
import { thresholdsInForce } from "../../../assessment/groups/assessmentDetails";
import { buildNoticeCard } from "../../../cards/noticeCard";
import { resolveCardTarget } from "../cardIdentity";
import type { ActionHandler } from "../actionContext";
import { plural } from "../../../assessment/text/plural";

const ACCEPTED_RATIONALE = "Accepted the proposed rating: the group agreed or nearly agreed (no disagreement flagged).";

/**
 * Records the group's consensus rating as the agreed rating for every UNFLAGGED statement that has
 * no decision yet. Flagged statements, and any decision already made, are left for the lead.
 */
export const acceptModalRatingsAction: ActionHandler = async (context) => {
  const target = await resolveCardTarget(context, "acceptModalRatings", { statementRequired: false });
  if (!target.ok) return buildNoticeCard({ title: "Nothing was recorded", lines: [target.message], tone: "warning" });
  const { assignment, area } = target;
  const { services, caller } = context;
  const answers = await services.storage.responses.listAreaAnswers(assignment.assessmentId, area.number);
  const respondents = new Set(answers.map((answer) => answer.respondent.aadObjectId)).size;
  const consensus = analyseArea(
    { areaNumber: area.number, statementIds: area.statements.map((s) => s.id), answers, globalScores: [], members: Math.max(respondents, 1), globalScoreMax: services.framework.globalScoreMax },
    thresholdsInForce(context.assessment, services.config.consensus),
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
      decidedBy: caller.person,
      decidedAt,
    });
    const saved = await services.storage.moderation.saveDecision(decision);
    await services.storage.audit.append({
      assessmentId: assignment.assessmentId,
      at: decidedAt,
      actorAadObjectId: caller.person.aadObjectId,
      action: "decisionRecorded",
      target: statement.statementId,
      before: saved.previous ? String(saved.previous.agreedRating) : undefined,
      after: String(decision.agreedRating),
    });
    accepted.push(`${statement.statementId}: ${decision.agreedRating}`);
  }
  const flagged = consensus.statements.filter((statement) => statement.flagged).map((statement) => statement.statementId);
  return buildNoticeCard({
    title: accepted.length === 0 ? `No ratings to accept in area ${area.number}` : `Accepted ${plural(accepted.length, "rating")} in area ${area.number}`,
    lines: [
      accepted.length === 0 ? "Every unflagged statement already has a decision (or no answers yet)." : `Recorded: ${accepted.join(", ")}.`,
      ...(flagged.length > 0 ? [`Still to moderate: ${flagged.join(", ")}.`] : []),
    ],
    tone: "good",
  });
};
