import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import { buildAreaDigest } from "../../assessment/digest/buildAreaDigest";
import { thresholdsInForce } from "../../assessment/groups/assessmentDetails";
import { splitDigest } from "../../assessment/digest/splitDigest";
import { buildDigestCard, cardBytes } from "../../cards/digestCard";
import type { Ports } from "../app/botServices";
import { sendDigestToLead, type DigestSendPorts } from "../posting/sendDigest";
import { readGroupRoster, type RosterPorts } from "../teams/teamRoster";
import { markdownLiteral } from "../../assessment/text/markdownLiteral";
import { findArea } from "../../assessment/framework/frameworkLookup";
import { previousCycleResults } from "../cycles/previousCycleResults";

export interface DigestRunReport {
  /** Leads who have this run's digest: sent now, or by an earlier attempt of the same run key. */
  sentTo: number;
  /** Of those, the ones sent by this call. */
  newlySent: number;
  problems: string[];
  overview: string[];
}

/** Reading each area's answers and decisions, counting its channel, and sending its lead the digest. */
export type DigestPorts = RosterPorts &
  DigestSendPorts &
  Ports<"config" | "framework", "assessments" | "moderation" | "responses">;

/**
 * Builds each area's digest and delivers it to the area's lead(s) in their 1:1 chat, once per run
 * key (deliveries are claimed per lead in Tables, so a retried command or a second instance running
 * the same schedule never sends twice). Used by the `digest` command and by the schedule.
 */
export async function deliverAreaDigests(
  services: DigestPorts,
  assessmentId: string,
  assignments: readonly AreaAssignment[],
  options: { runKeySuffix: string },
): Promise<DigestRunReport> {
  const report: DigestRunReport = { sentTo: 0, newlySent: 0, problems: [], overview: [] };
  const [decisions, rounds, details] = await Promise.all([
    services.storage.moderation.listDecisions(assessmentId),
    services.storage.moderation.listRounds(assessmentId),
    services.storage.assessments.get(assessmentId),
  ]);
  const thresholds = thresholdsInForce(details?.value, services.config.consensus);
  const previousCycle = details
    ? (await previousCycleResults(services.storage.assessments, details.value)).at(-1)
    : undefined;
  const max = services.framework.globalScoreMax;
  for (const assignment of assignments) {
    const area = findArea(services.framework, assignment.areaNumber);
    if (!area) continue;
    const answers = await services.storage.responses.listAreaAnswers(assessmentId, area.number);
    const globalScores = await services.storage.responses.listAreaGlobalScores(assessmentId, area.number);
    // The quorum is out of the team's members (every roster page); only if Teams won't say, out of those who answered.
    const members =
      (await readGroupRoster(services, assignment.channel))?.length ??
      new Set(answers.map((answer) => answer.respondent.aadObjectId)).size;
    const globalDecision = await services.storage.moderation.getGlobalDecision(assessmentId, area.number);
    const areaDecisions = decisions.filter((decision) => decision.areaNumber === area.number);
    const digest = buildAreaDigest(
      {
        assessmentId,
        area,
        answers,
        globalScores,
        members: Math.max(members, 1),
        globalScoreMax: max,
        scale: services.framework.scale,
        decisions: areaDecisions,
        ...(globalDecision ? { globalDecision } : {}),
        rounds,
        areaStatus: assignment.status,
        ...(previousCycle ? { previousCycle } : {}),
      },
      thresholds,
    );
    const cards = splitDigest(digest, (page) => cardBytes(buildDigestCard(page, max))).map((page) =>
      buildDigestCard(page, max),
    );
    const runKey = `${assessmentId}|${area.number}|${options.runKeySuffix}`;
    for (const lead of assignment.leads) {
      const result = await sendDigestToLead(services, { assignment, lead, runKey, cards });
      if (result.kind === "sent") report.newlySent += 1;
      if (result.kind === "sent" || result.kind === "alreadySent") report.sentTo += 1;
      else if (result.kind === "inProgress")
        report.problems.push(
          `The digest for ${markdownLiteral(lead.name) || "a lead"} (area ${area.number}) is being sent by another run right now; if it has not arrived in a minute, type **digest** again.`,
        );
      else if (result.kind === "recipientGone")
        report.problems.push(
          `${markdownLiteral(lead.name) || "A lead"} (area ${area.number}) has blocked or removed the bot, so the digest could not be delivered.`,
        );
      else
        report.problems.push(
          `The digest for ${markdownLiteral(lead.name) || "a lead"} (area ${area.number}) could not be sent: ${result.reason}.`,
        );
    }
    report.overview.push(
      `Area ${area.number} (${area.title}): ${digest.summary.answeredPercent}% answered, ${digest.summary.flaggedCount} flagged, ${areaDecisions.length} decided`,
    );
  }
  return report;
}

/** Finding the coordinators' 1:1 chats and posting a notice there. */
export type CoordinatorNoticePorts = Ports<"config" | "notify", "conversations">;

/** The coordinator(s) get one line per area in their personal chat (where they have written to the bot). */
export async function notifyCoordinators(services: CoordinatorNoticePorts, overview: readonly string[]): Promise<void> {
  if (overview.length === 0) return;
  for (const aadObjectId of services.config.coordinatorAadIds) {
    const conversation = await services.storage.conversations.getUser(aadObjectId);
    if (!conversation) continue;
    await services.notify(
      { serviceUrl: conversation.serviceUrl, conversationId: conversation.conversationId },
      { title: "Moderation digest sent", lines: [...overview] },
    );
  }
}
