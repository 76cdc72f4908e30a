import { parseProposals } from "../../../assessment/digest/proposals";
import { plural } from "../../../assessment/text/plural";
import { buildNoticeCard } from "../../../cards/noticeCard";
import { acceptModalRatings } from "../../moderation/acceptModalRatings";
import { resolveCardTarget, type CardTargetPorts } from "../cardIdentity";
import { decisionNotRecordedCard } from "../decisionNotRecordedCard";
import type { ActionHandler } from "../actionContext";

type AcceptModalRatingsPorts = CardTargetPorts & Parameters<typeof acceptModalRatings>[0];

const NOTHING_RECORDED = "Nothing was recorded";

/**
 * The digest's "accept the proposed ratings" button, through the shared acceptModalRatings service.
 * A digest sent before proposals existed carries none: then the statements' current proposals are used.
 */
export const acceptModalRatingsAction: ActionHandler<AcceptModalRatingsPorts> = async (context) => {
  const target = await resolveCardTarget(context, "acceptModalRatings", { statementRequired: false });
  if (!target.ok) return decisionNotRecordedCard(NOTHING_RECORDED, target.message);
  const { assignment, area } = target;
  const carried = typeof context.data["proposals"] === "string" ? parseProposals(context.data["proposals"]) : null;
  if (carried === undefined)
    return decisionNotRecordedCard(
      NOTHING_RECORDED,
      "This card's proposals are not in a form I understand. Type **digest** for a new digest.",
    );
  const { accepted, refused } = await acceptModalRatings(context.services, {
    assignment,
    area,
    assessment: await context.assessment,
    decidedBy: context.caller.person,
    ...(carried ? { proposals: carried } : {}),
  });
  return buildNoticeCard({
    title:
      accepted.length === 0
        ? `No ratings accepted in area ${area.number}`
        : `Accepted ${plural(accepted.length, "rating")} in area ${area.number}`,
    lines: [
      accepted.length === 0 ? "No proposed rating was left to accept." : `Recorded: ${accepted.join(", ")}.`,
      ...(refused.length > 0 ? [`Not accepted: ${refused.join(", ")}. Type **digest** for an up-to-date digest.`] : []),
    ],
    tone: refused.length > 0 ? "warning" : "good",
  });
};
