import { plural } from "../../../assessment/text/plural";
import { buildNoticeCard } from "../../../cards/noticeCard";
import { sendBackForRound, type SendBackPorts } from "../../rounds/sendBackForRound";
import { resolveCardTarget, type CardTargetPorts } from "../cardIdentity";
import type { ActionHandler } from "../actionContext";

/**
 * The digest's "send back to the group" (one statement, its data naming it) and "send all flagged
 * back" (no statement), through the shared sendBackForRound service.
 */
export const sendBackAction: ActionHandler<CardTargetPorts & SendBackPorts> = async (context) => {
  const target = await resolveCardTarget(context, "sendBack", { statementRequired: false });
  if (!target.ok) return buildNoticeCard({ title: "Nothing was sent back", lines: [target.message], tone: "warning" });
  const { assignment, area, statement } = target;
  const { sent, refused } = await sendBackForRound(context.services, {
    assignment,
    area,
    assessment: await context.assessment,
    startedBy: context.caller.person,
    ...(statement ? { statementIds: [statement.id] } : {}),
  });
  return buildNoticeCard({
    title:
      sent.length === 0
        ? `Nothing was sent back in area ${area.number}`
        : `Sent ${plural(sent.length, "statement")} back to the group in area ${area.number}`,
    lines: [
      sent.length === 0
        ? statement
          ? "The statement stays as it is."
          : "No flagged statement could go back to the group."
        : `Sent back: ${sent.join(", ")}. Each member who answered can confirm or change their rating in the statement's thread; type **digest** to see who moved.`,
      ...(refused.length > 0 ? [`Not sent back: ${refused.join(" ")}`] : []),
    ],
    tone: refused.length > 0 ? "warning" : "good",
  });
};
