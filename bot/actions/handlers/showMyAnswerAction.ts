import { buildNoticeCard } from "../../../cards/noticeCard";
import { globalBaseCard, globalOwnView, statementBaseCard, statementOwnView } from "../../answers/statementCardViews";
import { resolveCardTarget, type CardTargetPorts } from "../cardIdentity";
import type { Ports } from "../../app/botServices";
import type { ActionHandler } from "../actionContext";

type ShowMyAnswerPorts = CardTargetPorts & Ports<"framework", "responses">;

/**
 * A card's refresh (automatic, for the people listed in refresh.userIds) or the "Show my answer"
 * button: the caller's own saved answer. Someone outside the group gets the shared view, so a
 * refresh never shows anyone else's answer.
 */
export const showMyAnswerAction: ActionHandler<ShowMyAnswerPorts> = async (context) => {
  const isGlobal = context.data["statementId"] === "global";
  const target = await resolveCardTarget(context, "showMyAnswer", { statementRequired: !isGlobal });
  if (!target.ok) return buildNoticeCard({ title: "I can't show this card", lines: [target.message], tone: "warning" });
  const { services, caller } = context;
  const { assignment, area, statement } = target;
  const me = caller.person.aadObjectId;
  const isMember = caller.team?.channelId === assignment.channel.channelId;
  if (isGlobal || !statement) {
    if (!isMember) return globalBaseCard(services, assignment, area);
    const mine = await services.storage.responses.readGlobalScores(assignment.assessmentId, area.number, me);
    return globalOwnView(services, {
      assignment,
      area,
      timeZone: (await context.assessment).timeZone,
      answeredCount: mine.answeredCount,
      own: mine.own?.value,
    });
  }
  if (!isMember) return statementBaseCard(services, assignment, area, statement);
  // A member's view needs only their own row and the count, however many have answered.
  const mine = await services.storage.responses.readStatement(assignment.assessmentId, area.number, statement.id, me);
  return statementOwnView(services, {
    assignment,
    area,
    statement,
    timeZone: (await context.assessment).timeZone,
    answeredCount: mine.answeredCount,
    own: mine.own?.value,
  });
};
