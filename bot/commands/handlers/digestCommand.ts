import { buildAreaDigest } from "../../../assessment/digest/buildAreaDigest";
import { splitDigest } from "../../../assessment/digest/splitDigest";
import { buildDigestCard, cardBytes } from "../../../cards/digestCard";
import { replyWithNotice } from "../../teams/replies";
import { readRoster } from "../../teams/channelRoster";
import { sendDigestToLead } from "../../posting/sendDigest";
import { targetAreas } from "../areaTargets";
import type { CommandHandler } from "../commandContext";

/**
 * Sends each target area's moderation digest to its lead(s) in their 1:1 chat now, once per run
 * (deliveries are claimed per lead, so a repeated or retried command never sends twice in the same
 * minute), tells the caller who got it and who could not be reached, and gives the coordinator(s)
 * a one-line-per-area overview in their personal chat with the bot.
 */
export const digestCommand: CommandHandler = async (context) => {
  const { turn, services, caller } = context;
  const targets = await targetAreas(context, "digest", "send the digest");
  if (!targets) return;
  const roster = caller.team ? await readRoster(turn) : undefined;
  const now = services.clock().toISOString();
  const decisions = await services.storage.moderation.listDecisions(context.assessment.id);
  let sentTo = 0;
  const problems: string[] = [];
  const overview: string[] = [];
  for (const assignment of targets) {
    const area = services.framework.areas.find((candidate) => candidate.number === assignment.areaNumber);
    if (!area) continue;
    const answers = await services.storage.responses.listAreaAnswers(assignment.assessmentId, area.number);
    const globalScores = await services.storage.responses.listAreaGlobalScores(assignment.assessmentId, area.number);
    const respondents = new Set(answers.map((answer) => answer.respondent.aadObjectId)).size;
    const inThisChannel = caller.team?.channelId === assignment.channel.channelId;
    const members = Math.max(inThisChannel && roster ? roster.length : respondents, 1);
    const globalDecision = await services.storage.moderation.getGlobalDecision(assignment.assessmentId, area.number);
    const digest = buildAreaDigest(
      {
        assessmentId: assignment.assessmentId,
        area,
        answers,
        globalScores,
        members,
        globalScoreMax: services.framework.globalScoreMax,
        decisions: decisions.filter((decision) => decision.areaNumber === area.number),
        ...(globalDecision ? { globalDecision } : {}),
      },
      services.config.consensus,
    );
    const max = services.framework.globalScoreMax;
    const cards = splitDigest(digest, (page) => cardBytes(buildDigestCard(page, max))).map((page) => buildDigestCard(page, max));
    const runKey = `${assignment.assessmentId}|${area.number}|${now.slice(0, 10)}|${now.slice(11, 16)}`;
    for (const lead of assignment.leads) {
      const result = await sendDigestToLead(services, { assignment, lead, runKey, cards });
      if (result.kind === "sent" || result.kind === "alreadySent") sentTo += 1;
      else if (result.kind === "recipientGone") problems.push(`${lead.name || "A lead"} (area ${area.number}) has blocked or removed the bot, so the digest could not be delivered.`);
      else problems.push(`The digest for ${lead.name || "a lead"} (area ${area.number}) could not be sent: ${result.reason}.`);
    }
    overview.push(`Area ${area.number} (${area.title}): ${digest.summary.answeredPercent}% answered, ${digest.summary.flaggedCount} flagged, ${decisions.filter((d) => d.areaNumber === area.number).length} decided`);
  }
  await notifyCoordinators(context, overview);
  await replyWithNotice(turn, {
    title: `Digest sent to ${sentTo} lead(s)`,
    lines: problems.length === 0 ? ["Each lead has the digest in their personal chat with me."] : problems,
    tone: problems.length === 0 ? "good" : "warning",
  });
};

async function notifyCoordinators({ services }: Parameters<CommandHandler>[0], overview: string[]): Promise<void> {
  if (overview.length === 0) return;
  for (const aadObjectId of services.config.coordinatorAadIds) {
    const conversation = await services.storage.conversations.getUser(aadObjectId);
    if (!conversation) continue;
    await services.notify({ serviceUrl: conversation.serviceUrl, conversationId: conversation.conversationId }, { title: "Moderation digest sent", lines: overview });
  }
}
