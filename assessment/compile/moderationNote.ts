import type { Person } from "../answers/person";
import type { AttributionMode, ModerationNote } from "./compiledAssessment";

/** A lead's decision as the documents show it; anonymous documents do not name the lead either. */
export function moderationNote(
  decision: {
    readonly rationale: string;
    readonly decidedBy: Person;
    readonly decidedAt: string;
    readonly acceptedProposal?: boolean;
  },
  attribution: AttributionMode,
): ModerationNote {
  const name = decision.decidedBy.name.trim();
  return {
    rationale: decision.rationale.trim(),
    decidedBy: attribution === "names" && name !== "" ? name : "Moderator",
    decidedAt: decision.decidedAt,
    acceptedWithoutDiscussion: decision.acceptedProposal === true,
  };
}
