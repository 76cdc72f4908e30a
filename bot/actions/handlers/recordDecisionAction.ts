import { ANSWER_LIMITS } from "../../../assessment/answers/answerLimits";
import { statementDecision } from "../../moderation/recordModerationDecision";
import { enteredText, typedString } from "../enteredText";
import { moderationDecisionAction } from "../moderationDecisionAction";

/**
 * The agreed rating for one statement from the digest — with the group's agreed evidence summary and
 * ideas when written.
 */
export const recordDecisionAction = moderationDecisionAction({
  operation: "recordDecision",
  notRecorded: "The decision was not recorded",
  statementRequired: true,
  subject: (target) => target.statement,
  kind: () => statementDecision,
  typed: ({ data }, statement) => ({
    statementId: statement.id,
    agreedRating: ratingOf(typedString(data, field("agreed", statement.id))),
    rationale: typedString(data, field("rationale", statement.id)),
    agreedEvidence: typedString(data, field("agreedEvidence", statement.id)),
    agreedIdeas: typedString(data, field("agreedIdeas", statement.id)),
  }),
  echo: ({ data }, statement) => [
    { label: "Why", text: enteredText(data, field("rationale", statement.id), ANSWER_LIMITS.rationaleMaxChars).text },
    {
      label: "Agreed evidence",
      text: enteredText(data, field("agreedEvidence", statement.id), ANSWER_LIMITS.evidenceMaxChars).text,
    },
    {
      label: "Agreed ideas",
      text: enteredText(data, field("agreedIdeas", statement.id), ANSWER_LIMITS.ideasMaxChars).text,
    },
  ],
  recorded: (_context, statement, decision, previous) => ({
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
  }),
});

/** The digest card names each statement's inputs after it. */
function field(name: string, statementId: string): string {
  return `${name}_${statementId}`;
}

/** As a member's rating is read: blank is missing, anything else must be a number the schema accepts. */
function ratingOf(typed: string): number | undefined {
  return typed === "" ? undefined : Number(typed);
}
