import { ANSWER_LIMITS } from "../../../assessment/answers/answerLimits";
import { buildNoticeCard } from "../../../cards/noticeCard";
import {
  recordModerationDecision,
  statementDecision,
  type ModerationServices,
} from "../../moderation/recordModerationDecision";
import { resolveCardTarget, type CardTargetPorts } from "../cardIdentity";
import { decisionNotRecordedCard } from "../decisionNotRecordedCard";
import { enteredText, typedString } from "../enteredText";
import type { ActionHandler } from "../actionContext";

type RecordDecisionPorts = CardTargetPorts & ModerationServices;

const NOT_RECORDED = "The decision was not recorded";

/**
 * A lead (from their personal chat or the group's channel) or the coordinator records the agreed
 * rating for one statement from the digest — with the group's agreed evidence summary and ideas when
 * written — through the shared moderation-decision service.
 */
export const recordDecisionAction: ActionHandler<RecordDecisionPorts> = async (context) => {
  const target = await resolveCardTarget(context, "recordDecision", { statementRequired: true });
  if (!target.ok || !target.statement)
    return decisionNotRecordedCard(NOT_RECORDED, target.ok ? "Unknown statement." : target.message);
  const { assignment, statement } = target;
  const field = (name: string) => `${name}_${statement.id}`;
  const result = await recordModerationDecision(context.services, statementDecision, {
    assessmentId: assignment.assessmentId,
    areaNumber: assignment.areaNumber,
    statementId: statement.id,
    agreedRating: ratingOf(typedString(context.data, field("agreed"))),
    // The whole typed text: limits apply to it, never to the echo's cut copy.
    rationale: typedString(context.data, field("rationale")),
    agreedEvidence: typedString(context.data, field("agreedEvidence")),
    agreedIdeas: typedString(context.data, field("agreedIdeas")),
    decidedBy: context.caller.person,
  });
  if (!result.ok)
    return decisionNotRecordedCard(NOT_RECORDED, result.message, [
      { label: "Why", text: enteredText(context.data, field("rationale"), ANSWER_LIMITS.rationaleMaxChars).text },
      {
        label: "Agreed evidence",
        text: enteredText(context.data, field("agreedEvidence"), ANSWER_LIMITS.evidenceMaxChars).text,
      },
      {
        label: "Agreed ideas",
        text: enteredText(context.data, field("agreedIdeas"), ANSWER_LIMITS.ideasMaxChars).text,
      },
    ]);
  const { decision, previous } = result;
  return buildNoticeCard({
    title: `Agreed rating for ${statement.id} recorded`,
    lines: [
      `${statement.id}: ${statement.text}`,
      previous
        ? `Changed from ${previous.agreedRating} to ${decision.agreedRating}.`
        : `Agreed rating: ${decision.agreedRating}.`,
      ...(decision.agreedEvidence === undefined && decision.agreedIdeas === undefined
        ? []
        : ["The agreed text is kept with it and shown in the compiled document."]),
    ],
    tone: "good",
  });
};

/** As a member's rating is read: blank is missing, anything else must be a number the schema accepts. */
function ratingOf(typed: string): number | undefined {
  return typed === "" ? undefined : Number(typed);
}
