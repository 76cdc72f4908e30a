import { ANSWER_LIMITS } from "../../../assessment/answers/answerLimits";
import { buildNoticeCard } from "../../../cards/noticeCard";
import {
  globalScoreDecision,
  recordModerationDecision,
  type ModerationServices,
} from "../../moderation/recordModerationDecision";
import { resolveCardTarget, type CardTargetPorts } from "../cardIdentity";
import { decisionNotRecordedCard } from "../decisionNotRecordedCard";
import { enteredText, enteredWholeNumber, typedString } from "../enteredText";
import type { ActionHandler } from "../actionContext";

type RecordGlobalDecisionPorts = CardTargetPorts & ModerationServices;

const NOT_RECORDED = "The global score was not recorded";

/** A lead or the coordinator records the area's agreed global score from the digest's first page. */
export const recordGlobalDecisionAction: ActionHandler<RecordGlobalDecisionPorts> = async (context) => {
  const target = await resolveCardTarget(context, "recordGlobalDecision", { statementRequired: false });
  if (!target.ok) return decisionNotRecordedCard(NOT_RECORDED, target.message);
  const { assignment, area } = target;
  const max = context.services.framework.globalScoreMax;
  const result = await recordModerationDecision(context.services, globalScoreDecision(max), {
    assessmentId: assignment.assessmentId,
    areaNumber: assignment.areaNumber,
    agreedScore: enteredWholeNumber(context.data, "agreedGlobalScore"),
    rationale: typedString(context.data, "globalRationale"),
    decidedBy: context.caller.person,
  });
  if (!result.ok)
    return decisionNotRecordedCard(NOT_RECORDED, result.message, [
      { label: "Why", text: enteredText(context.data, "globalRationale", ANSWER_LIMITS.rationaleMaxChars).text },
    ]);
  const { decision, previous } = result;
  return buildNoticeCard({
    title: `Agreed global score for area ${area.number} recorded`,
    lines: [
      previous
        ? `Changed from ${previous.agreedScore} to ${decision.agreedScore} (out of ${max}).`
        : `Agreed global score: ${decision.agreedScore} out of ${max}.`,
    ],
    tone: "good",
  });
};
