import { buildNoticeCard } from "../../../cards/noticeCard";
import { acceptModalRatings } from "../../moderation/acceptModalRatings";
import { resolveCardTarget } from "../cardIdentity";
import type { ActionHandler } from "../actionContext";
import { plural } from "../../../assessment/text/plural";

/** The digest's "accept unflagged" button, through the shared acceptModalRatings service. */
export const acceptModalRatingsAction: ActionHandler = async (context) => {
  const target = await resolveCardTarget(context, "acceptModalRatings", { statementRequired: false });
  if (!target.ok) return buildNoticeCard({ title: "Nothing was recorded", lines: [target.message], tone: "warning" });
  const { assignment, area } = target;
  const { accepted, flagged } = await acceptModalRatings(context.services, { assignment, area, decidedBy: context.caller.person });
  return buildNoticeCard({
    title: accepted.length === 0 ? `No ratings to accept in area ${area.number}` : `Accepted ${plural(accepted.length, "rating")} in area ${area.number}`,
    lines: [
      accepted.length === 0 ? "Every unflagged statement already has a decision (or no answers yet)." : `Recorded: ${accepted.join(", ")}.`,
      ...(flagged.length > 0 ? [`Still to moderate: ${flagged.join(", ")}.`] : []),
    ],
    tone: "good",
  });
};
