import { buildNoticeCard } from "../../../cards/noticeCard";
import { recordGlobalDecision } from "../../moderation/recordGlobalDecision";
import { resolveCardTarget, type CardTargetPorts } from "../cardIdentity";
import { enteredWholeNumber, typedString } from "../enteredText";
import type { ActionHandler } from "../actionContext";

type RecordGlobalDecisionPorts = CardTargetPorts & Parameters<typeof recordGlobalDecision>[0];

/** A lead or the coordinator records the area's agreed global score from the digest's first page. */
export const recordGlobalDecisionAction: ActionHandler<RecordGlobalDecisionPorts> = async (context) => {
  const target = await resolveCardTarget(context, "recordGlobalDecision", { statementRequired: false });
  if (!target.ok) return notSaved(target.message);
  const { assignment, area } = target;
  const max = context.services.framework.globalScoreMax;
  const result = await recordGlobalDecision(context.services, {
    assignment,
    decidedBy: context.caller.person,
    agreedScore: enteredWholeNumber(context.data, "agreedGlobalScore"),
    rationale: typedString(context.data, "globalRationale"),
  });
  if (!result.ok) return notSaved(result.message);
  return buildNoticeCard({
    title: `Agreed global score for area ${area.number} recorded`,
    lines: [
      result.previous
        ? `Changed from ${result.previous.agreedScore} to ${result.decision.agreedScore} (out of ${max}).`
        : `Agreed global score: ${result.decision.agreedScore} out of ${max}.`,
    ],
    tone: "good",
  });
};

function notSaved(message: string) {
  return buildNoticeCard({ title: "The global score was not recorded", lines: [message], tone: "warning" });
}
