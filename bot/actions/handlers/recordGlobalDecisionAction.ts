import { ANSWER_LIMITS } from "../../../assessment/answers/answerLimits";
import { globalScoreDecision } from "../../moderation/recordModerationDecision";
import { enteredText, enteredWholeNumber, typedString } from "../enteredText";
import { moderationDecisionAction } from "../moderationDecisionAction";

/** The area's agreed global score, from the digest's first page. */
export const recordGlobalDecisionAction = moderationDecisionAction({
  operation: "recordGlobalDecision",
  notRecorded: "The global score was not recorded",
  statementRequired: false,
  subject: (target) => target.area,
  kind: ({ services }) => globalScoreDecision(services.framework.globalScoreMax),
  typed: ({ data }) => ({
    agreedScore: enteredWholeNumber(data, "agreedGlobalScore"),
    rationale: typedString(data, "globalRationale"),
  }),
  echo: ({ data }) => [
    { label: "Why", text: enteredText(data, "globalRationale", ANSWER_LIMITS.rationaleMaxChars).text },
  ],
  recorded: ({ services }, area, decision, previous) => {
    const max = services.framework.globalScoreMax;
    return {
      title: `Agreed global score for area ${area.number} recorded`,
      lines: [
        previous
          ? `Changed from ${previous.agreedScore} to ${decision.agreedScore} (out of ${max}).`
          : `Agreed global score: ${decision.agreedScore} out of ${max}.`,
      ],
    };
  },
});
