import { replyWithNotice } from "../../teams/replies";
import {
  deliverAreaDigests,
  notifyCoordinators,
  type CoordinatorNoticePorts,
  type DigestPorts,
} from "../../digest/deliverAreaDigests";
import { targetAreas, type TargetPorts } from "../areaTargets";
import type { Ports } from "../../app/botServices";
import type { CommandHandler } from "../commandContext";

type DigestCommandPorts = TargetPorts & DigestPorts & CoordinatorNoticePorts & Ports<"clock" | "jobs">;

/**
 * Sends each target area's moderation digest to its lead(s) now, tells the caller who got it and
 * who could not be reached, and gives the coordinator(s) an overview. Repeating it within the same
 * minute sends nothing twice.
 */
export const digestCommand: CommandHandler<DigestCommandPorts> = async (context) => {
  const { turn, services, caller } = context;
  const targets = await targetAreas(context, "digest", "send the digest");
  if (!targets) return;
  const now = services.clock().toISOString();
  const assessmentId = context.assessment.id;
  const conversation = { serviceUrl: caller.serviceUrl, conversationId: caller.conversationId };
  await replyWithNotice(turn, {
    title: "Preparing the moderation digest",
    lines: ["The leads get it in their personal chat with me; I'll confirm here when it is delivered."],
  });
  // A large area is many card pages paced under Teams' limits: deliver after the turn, not in it.
  services.jobs.run("digest", async () => {
    const report = await deliverAreaDigests(services, assessmentId, targets, {
      runKeySuffix: `${now.slice(0, 10)}|${now.slice(11, 16)}`,
    });
    await notifyCoordinators(services, report.overview);
    // The run key is the minute: a repeat within it (or Teams redelivering the message) finds the
    // digest delivered and sends nothing new, which the requester must hear rather than assume otherwise.
    const repeated = report.sentTo - report.newlySent;
    await services.notify(conversation, {
      title: `Digest sent to ${report.sentTo} lead(s)`,
      lines:
        report.problems.length === 0
          ? [
              "Each lead has the digest in their personal chat with me.",
              ...(repeated > 0
                ? [
                    `${repeated === report.sentTo ? "It was" : `${repeated} of them were`} already sent this minute, so nothing new went out: ask again in a minute for a digest with the latest answers and decisions.`,
                  ]
                : []),
            ]
          : report.problems,
      tone: report.problems.length === 0 ? "good" : "warning",
    });
  });
};
