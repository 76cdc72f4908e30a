import { buildNoticeCard } from "../../../cards/noticeCard";
import { readRoundSubject } from "../../rounds/readRoundSubject";
import { reRatingBaseCard, reRatingOwnView } from "../../rounds/reRatingViews";
import { resolveCardTarget, type CardTargetPorts } from "../cardIdentity";
import type { ActionHandler } from "../actionContext";
import type { Ports } from "../../app/botServices";

type ShowReRatingPorts = CardTargetPorts & Parameters<typeof readRoundSubject>[0] & Ports<"framework">;

/**
 * A re-rating card's refresh (automatic, for those who answered) or its "Show my rating" button:
 * the caller's own earlier rating ready to confirm or change. Anyone outside the group gets the
 * shared view, which carries no one's rating.
 */
export const showReRatingAction: ActionHandler<ShowReRatingPorts> = async (context) => {
  const target = await resolveCardTarget(context, "showReRating", { statementRequired: true });
  if (!target.ok) return buildNoticeCard({ title: "I can't show this card", lines: [target.message], tone: "warning" });
  const read = await readRoundSubject(context.services, target, context.data);
  if (!read.ok) return buildNoticeCard({ title: "I can't show this card", lines: [read.message], tone: "warning" });
  const { caller, services } = context;
  if (caller.team?.channelId !== target.assignment.channel.channelId) return reRatingBaseCard(services, read.subject);
  return reRatingOwnView(services, read.subject, {
    aadObjectId: caller.person.aadObjectId,
    timeZone: (await context.assessment).timeZone,
  });
};
