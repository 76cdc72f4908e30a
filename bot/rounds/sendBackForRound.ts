import type { Person } from "../../assessment/answers/person";
import type { Area } from "../../assessment/framework/frameworkSchema";
import { thresholdsInForce, type AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import { analyseStatement } from "../../assessment/consensus/statementConsensus";
import { sendBackRefusal } from "../../assessment/rounds/sendBackRefusal";
import type { Ports } from "../app/botServices";
import { sendCardToConversation, type ConversationPorts } from "../teams/conversationSend";
import { reRatingBaseCard } from "./reRatingViews";

export interface SendBackInput {
  assignment: AreaAssignment;
  area: Area;
  assessment: AssessmentDetails;
  startedBy: Person;
  /** The statements to send back; undefined: every flagged one that can go (the bulk action). */
  statementIds?: readonly string[];
}

export interface SendBackResult {
  /** "7a (round 2)". */
  sent: string[];
  /** "7b: it already has an agreed rating." */
  refused: string[];
}

/** Reading the area's answers and moderation, starting the round (audited) and posting its card, paced. */
export type SendBackPorts = ConversationPorts &
  Ports<"config" | "framework" | "sender", "moderation" | "postedCards" | "responses">;

/**
 * Sends flagged statements back to the group for another round, for every surface (digest card and
 * tab). The caller has checked the role (the area's lead or the coordinator). Per statement: the
 * rule's checks at write time (area open, no decision, rounds left, still flagged) → the round
 * started in one conditional transaction with its audit entry (two presses start one round) → one card posted
 * in the statement's own thread, whose refresh gives each member who answered their own view.
 */
export async function sendBackForRound(services: SendBackPorts, input: SendBackInput): Promise<SendBackResult> {
  const { assignment, area } = input;
  const thresholds = thresholdsInForce(input.assessment, services.config.consensus);
  const [decisions, rounds, posted] = await Promise.all([
    services.storage.moderation.listDecisions(assignment.assessmentId),
    services.storage.moderation.listRounds(assignment.assessmentId),
    services.storage.postedCards.list(assignment.assessmentId, area.number),
  ]);
  const bulk = input.statementIds === undefined;
  const wanted = area.statements.filter((statement) => bulk || input.statementIds?.includes(statement.id));
  const result: SendBackResult = { sent: [], refused: [] };
  for (const statement of wanted) {
    const answers = await services.storage.responses.listStatementAnswers(
      assignment.assessmentId,
      area.number,
      statement.id,
    );
    const consensus = analyseStatement(
      { statementId: statement.id, answers, members: Math.max(answers.length, 1) },
      thresholds,
    );
    const round = (rounds.find((candidate) => candidate.statementId === statement.id)?.round ?? 1) + 1;
    const refusal = sendBackRefusal({
      statementId: statement.id,
      areaStatus: assignment.status,
      tier: consensus.tier,
      decided: decisions.some((decision) => decision.statementId === statement.id),
      currentRound: round - 1,
      extraRounds: thresholds.extraRounds,
    });
    // The bulk action names only what it could have sent: unflagged statements are not "refused".
    if (refusal && bulk && consensus.tier !== "disagreement") continue;
    if (refusal) {
      result.refused.push(refusal);
      continue;
    }
    const card = posted.find((candidate) => candidate.cardKey === statement.id);
    if (card?.state !== "posted" || assignment.channel.lostAt) {
      result.refused.push(`${statement.id}: its card is not in the channel, so there is no thread to ask in.`);
      continue;
    }
    const startedAt = services.clock().toISOString();
    const started = await services.storage.moderation.startRound(
      {
        assessmentId: assignment.assessmentId,
        areaNumber: area.number,
        statementId: statement.id,
        round,
        startedBy: input.startedBy,
        startedAt,
      },
      () => ({
        assessmentId: assignment.assessmentId,
        at: startedAt,
        actorAadObjectId: input.startedBy.aadObjectId,
        action: "roundStarted",
        target: statement.id,
        before: `round ${round - 1}`,
        after: `round ${round}`,
      }),
    );
    if (!started) {
      result.refused.push(`${statement.id}: it was sent back a moment ago.`);
      continue;
    }
    const outcome = await services.sender.send(assignment.channel.channelId, () =>
      sendCardToConversation(
        services,
        { serviceUrl: assignment.channel.serviceUrl, conversationId: card.conversationId },
        reRatingBaseCard(services, { assignment, area, statement, round, answers }),
      ),
    );
    result.sent.push(
      outcome.kind === "sent"
        ? `${statement.id} (round ${round})`
        : `${statement.id} (round ${round} started, but Teams did not take the card in its thread just now)`,
    );
  }
  return result;
}
