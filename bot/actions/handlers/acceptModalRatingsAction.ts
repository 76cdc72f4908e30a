import { moderationDecisionSchema } from "../../../assessment/moderation/moderationDecision";
import { analyseStatement } from "../../../assessment/consensus/statementConsensus";
import { answersVersion } from "../../../assessment/digest/answersVersion";
import { parseProposals, type Proposal } from "../../../assessment/digest/proposals";
import { thresholdsInForce } from "../../../assessment/groups/assessmentDetails";
import { plural } from "../../../assessment/text/plural";
import { buildNoticeCard } from "../../../cards/noticeCard";
import { resolveCardTarget } from "../cardIdentity";
import type { ActionContext, ActionHandler } from "../actionContext";

const ACCEPTED_RATIONALE = "Accepted the proposed rating: the group agreed or nearly agreed (no disagreement flagged).";

/**
 * Records the digest's proposed ratings in one action. The card carries each proposal with a
 * fingerprint of the answers it came from; at write time each statement's answers are read again
 * and a statement is refused when they changed, or when it already has a decision (checked in the
 * same conditional write, so a lead's own decision recorded meanwhile is never overwritten).
 * A digest sent before proposals existed carries none: then the statements' current proposals are used.
 */
export const acceptModalRatingsAction: ActionHandler = async (context) => {
  const target = await resolveCardTarget(context, "acceptModalRatings", { statementRequired: false });
  if (!target.ok) return buildNoticeCard({ title: "Nothing was recorded", lines: [target.message], tone: "warning" });
  const { assignment, area } = target;
  const carried = typeof context.data["proposals"] === "string" ? parseProposals(context.data["proposals"]) : await currentProposals(context, assignment.assessmentId, area.statements.map((s) => s.id), area.number);
  if (carried === undefined) return buildNoticeCard({ title: "Nothing was recorded", lines: ["This card's proposals are not in a form I understand. Type **digest** for a new digest."], tone: "warning" });
  const { services, caller } = context;
  const decidedAt = services.clock().toISOString();
  const accepted: string[] = [];
  const refused: string[] = [];
  for (const proposal of carried.filter((item) => area.statements.some((statement) => statement.id === item.statementId))) {
    const answers = await services.storage.responses.listStatementAnswers(assignment.assessmentId, area.number, proposal.statementId);
    if (answersVersion(answers) !== proposal.answersVersion) {
      refused.push(`${proposal.statementId} (answers changed since the digest)`);
      continue;
    }
    const decision = moderationDecisionSchema.parse({
      assessmentId: assignment.assessmentId,
      areaNumber: area.number,
      statementId: proposal.statementId,
      agreedRating: proposal.rating,
      rationale: ACCEPTED_RATIONALE,
      decidedBy: caller.person,
      decidedAt,
    });
    if (!(await services.storage.moderation.createDecisionIfAbsent(decision))) {
      refused.push(`${proposal.statementId} (already decided)`);
      continue;
    }
    await services.storage.audit.append({
      assessmentId: assignment.assessmentId,
      at: decidedAt,
      actorAadObjectId: caller.person.aadObjectId,
      action: "decisionRecorded",
      target: proposal.statementId,
      after: String(decision.agreedRating),
    });
    accepted.push(`${proposal.statementId}: ${decision.agreedRating}`);
  }
  return buildNoticeCard({
    title: accepted.length === 0 ? `No ratings accepted in area ${area.number}` : `Accepted ${plural(accepted.length, "rating")} in area ${area.number}`,
    lines: [
      accepted.length === 0 ? "No proposed rating was left to accept." : `Recorded: ${accepted.join(", ")}.`,
      ...(refused.length > 0 ? [`Not accepted: ${refused.join(", ")}. Type **digest** for an up-to-date digest.`] : []),
    ],
    tone: refused.length > 0 ? "warning" : "good",
  });
};

/** What a digest built now would propose: statements without disagreement or decision. */
async function currentProposals(context: ActionContext, assessmentId: string, statementIds: readonly string[], areaNumber: number): Promise<Proposal[]> {
  const { services } = context;
  const thresholds = thresholdsInForce(context.assessment, services.config.consensus);
  const answers = await services.storage.responses.listAreaAnswers(assessmentId, areaNumber);
  const decided = new Set((await services.storage.moderation.listDecisions(assessmentId)).map((decision) => decision.statementId));
  const members = Math.max(new Set(answers.map((answer) => answer.respondent.aadObjectId)).size, 1);
  return statementIds.flatMap((statementId) => {
    const own = answers.filter((answer) => answer.statementId === statementId);
    const consensus = analyseStatement({ statementId, answers: own, members }, thresholds);
    return decided.has(statementId) || consensus.flagged || consensus.consensusRating === null ? [] : [{ statementId, rating: consensus.consensusRating, answersVersion: answersVersion(own) }];
  });
}
