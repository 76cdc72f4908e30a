import { describeErasure } from "../../../assessment/dataProtection/personRecords";
import { buildConfirmCard } from "../../../cards/confirmCard";
import { dataSubjectTarget } from "../dataSubjectTarget";
import { replyPrivately } from "../../teams/replyPrivately";
import type { PersonalChatPorts } from "../../teams/sendToPersonalChat";
import { gatherPersonRecords, type GatherPorts } from "../../dataProtection/gatherPersonRecords";
import { FORGET_CONFIRM_MINUTES, signForgetRequest } from "../../dataProtection/forgetToken";
import type { RosterPorts } from "../../teams/teamRoster";
import type { Ports } from "../../app/botServices";
import type { CommandHandler } from "../commandContext";
import { plural } from "../../../assessment/text/plural";
import { markdownLiteral } from "../../../assessment/text/markdownLiteral";

type ForgetPorts = RosterPorts & GatherPorts & PersonalChatPorts & Ports<"config" | "downloadSecret">;

/**
 * `forget @person`: nothing is erased yet — the coordinator gets a card saying exactly what will
 * go (counts, not content) and confirms with it (confirmForgetAction does the erasure). The card
 * names the person, so it goes to the coordinator's personal chat: a channel never learns who asked.
 */
export const forgetCommand: CommandHandler<ForgetPorts> = async (context) => {
  const { turn, caller, services, assessment } = context;
  const subject = await dataSubjectTarget(context, "forget");
  if (!subject) return;
  const records = await gatherPersonRecords(services, assessment.id, subject);
  const expiresAt = new Date(services.clock().getTime() + FORGET_CONFIRM_MINUTES * 60_000);
  const card = buildConfirmCard({
    title: `Erase ${markdownLiteral(records.name) || "this person"}'s answers and name?`,
    lines: [...describeErasure(records), `This card stops working in ${plural(FORGET_CONFIRM_MINUTES, "minute")}.`],
    confirmTitle: "Erase",
    verb: "confirmForget",
    token: signForgetRequest(
      { assessmentId: assessment.id, aadObjectId: records.aadObjectId, expiresAt },
      services.downloadSecret,
    ),
  });
  await replyPrivately(turn, services, caller, card, "The confirmation");
};
