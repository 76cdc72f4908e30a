import { buildNoticeCard } from "../../../cards/noticeCard";
import { recordDecision } from "../../moderation/recordDecision";
import { resolveCardTarget, type CardTargetPorts } from "../cardIdentity";
import { typedString } from "../enteredText";
import type { ActionHandler } from "../actionContext";

type RecordDecisionPorts = CardTargetPorts & Parameters<typeof recordDecision>[0];

/**
 * A lead (from their personal chat or the group's channel) or the coordinator records the agreed
 * rating for one statement from the digest, through the shared recordDecision service.
 */
export const recordDecisionAction: ActionHandler<RecordDecisionPorts> = async (context) => {
  const target = await resolveCardTarget(context, "recordDecision", { statementRequired: true });
  if (!target.ok || !target.statement) return notSaved(target.ok ? "Unknown statement." : target.message);
  const { assignment, statement } = target;
  const { services, caller } = context;
  const result = await recordDecision(services, {
    assignment,
    statement,
    decidedBy: caller.person,
    agreedRating: typedString(context.data, `agreed_${statement.id}`),
    rationale: typedString(context.data, `rationale_${statement.id}`),
  });
  if (!result.ok) return notSaved(result.message);
  return buildNoticeCard({
    title: `Agreed rating for ${statement.id} recorded`,
    lines: [
      `${statement.id}: ${statement.text}`,
      result.previous
        ? `Changed from ${result.previous.agreedRating} to ${result.decision.agreedRating}.`
        : `Agreed rating: ${result.decision.agreedRating}.`,
    ],
    tone: "good",
  });
};

function notSaved(message: string) {
  return buildNoticeCard({ title: "The decision was not recorded", lines: [message], tone: "warning" });
}
