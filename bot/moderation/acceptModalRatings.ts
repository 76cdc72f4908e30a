import { analyseStatement } from "../../assessment/consensus/statementConsensus";
import { answersVersion } from "../../assessment/digest/answersVersion";
import type { Proposal } from "../../assessment/digest/proposals";
import { thresholdsInForce, type AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { Person } from "../../assessment/answers/person";
import type { Area } from "../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import type { Ports } from "../app/botServices";
import { recordModerationDecision, statementDecision, type ModerationServices } from "./recordModerationDecision";

const ACCEPTED_RATIONALE = "Accepted the proposed rating: the group agreed or nearly agreed (no disagreement flagged).";

export interface AcceptModalRatingsInput {
  assignment: AreaAssignment;
  area: Area;
  assessment: AssessmentDetails;
  decidedBy: Person;
  /** What the lead saw (the digest card carries it); undefined: what a digest built now would propose (the tab). */
  proposals?: readonly Proposal[];
}

/**
 * Records proposed ratings in one action, for every surface (digest card and tab), each through the
 * shared moderation-decision service (decision and audit entry in one transaction). Each proposal
 * carries a fingerprint of the answers it came from; at write time each statement's answers are
 * read again and a statement is refused when they changed, or when it already has a decision
 * (checked in the same conditional write, so a lead's own decision recorded meanwhile is never overwritten).
 * Returns "A1: 3"-style entries accepted and "A2 (reason)" entries refused.
 */
export async function acceptModalRatings(
  services: ModerationServices & Ports<"config", "responses">,
  input: AcceptModalRatingsInput,
): Promise<{ accepted: string[]; refused: string[] }> {
  const { assignment, area } = input;
  const proposals = input.proposals ?? (await currentProposals(services, input));
  const accepted: string[] = [];
  const refused: string[] = [];
  for (const proposal of proposals.filter((item) =>
    area.statements.some((statement) => statement.id === item.statementId),
  )) {
    const answers = await services.storage.responses.listStatementAnswers(
      assignment.assessmentId,
      area.number,
      proposal.statementId,
    );
    if (answersVersion(answers) !== proposal.answersVersion) {
      refused.push(`${proposal.statementId} (answers changed since the digest)`);
      continue;
    }
    const recorded = await recordModerationDecision(
      services,
      statementDecision,
      {
        assessmentId: assignment.assessmentId,
        areaNumber: area.number,
        statementId: proposal.statementId,
        agreedRating: proposal.rating,
        rationale: ACCEPTED_RATIONALE,
        acceptedProposal: true,
        decidedBy: input.decidedBy,
      },
      { onlyIfAbsent: true },
    );
    if (!recorded.ok) {
      refused.push(
        `${proposal.statementId} (${recorded.reason === "alreadyDecided" ? "already decided" : recorded.message})`,
      );
      continue;
    }
    accepted.push(`${proposal.statementId}: ${recorded.decision.agreedRating}`);
  }
  return { accepted, refused };
}

/** What a digest built now would propose: statements without disagreement or decision. */
async function currentProposals(
  services: Ports<"config", "responses" | "moderation">,
  input: AcceptModalRatingsInput,
): Promise<Proposal[]> {
  const { assignment, area } = input;
  const thresholds = thresholdsInForce(input.assessment, services.config.consensus);
  const answers = await services.storage.responses.listAreaAnswers(assignment.assessmentId, area.number);
  const decided = new Set(
    (await services.storage.moderation.listDecisions(assignment.assessmentId)).map((decision) => decision.statementId),
  );
  const members = Math.max(new Set(answers.map((answer) => answer.respondent.aadObjectId)).size, 1);
  return area.statements.flatMap(({ id: statementId }) => {
    const own = answers.filter((answer) => answer.statementId === statementId);
    const consensus = analyseStatement({ statementId, answers: own, members }, thresholds);
    return decided.has(statementId) || consensus.flagged || consensus.consensusRating === null
      ? []
      : [{ statementId, rating: consensus.consensusRating, answersVersion: answersVersion(own) }];
  });
}
