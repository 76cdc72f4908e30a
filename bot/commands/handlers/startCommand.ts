import { replyWithNotice } from "../../teams/replies";
import { postAreaCards, type PostingPorts } from "../../posting/postAreaCards";
import { targetAreas, type TargetPorts } from "../areaTargets";
import type { Ports } from "../../app/botServices";
import type { CommandHandler } from "../commandContext";
import { setAreaStatus } from "../../answers/setAreaStatus";
import { plural } from "../../../assessment/text/plural";
import { findArea } from "../../../assessment/framework/frameworkLookup";

type StartPorts = TargetPorts & PostingPorts & Parameters<typeof setAreaStatus>[0] & Ports<"jobs" | "notify">;

/**
 * Posts the area's cards in the group's channel. The reply comes at once; posting runs on paced
 * (Teams allows a few messages a second per conversation) and reports when done. Running `start`
 * again posts only what is missing.
 */
export const startCommand: CommandHandler<StartPorts> = async (context) => {
  const { turn, services, assessment, caller } = context;
  if (!caller.team) {
    await replyWithNotice(turn, {
      title: "Use start in the group's channel",
      lines: ["The statements are posted where the group works: type **start** in its channel."],
      tone: "warning",
    });
    return;
  }
  const targets = await targetAreas(context, "start", "post the statements");
  if (!targets) return;
  for (const assignment of targets) {
    const area = findArea(services.framework, assignment.areaNumber);
    if (!area) continue;
    const opened =
      assignment.status === "assigned"
        ? await setAreaStatus(services, assignment, "open", caller.person.aadObjectId)
        : assignment;
    await replyWithNotice(turn, {
      title: `Posting area ${area.number}: ${area.title}`,
      lines: [
        `${plural(area.statements.length, "statement")} follow, then the global score. They arrive a few seconds apart.`,
      ],
    });
    const conversation = {
      serviceUrl: caller.serviceUrl,
      conversationId: caller.conversationId,
      tenantId: caller.tenantId,
    };
    services.jobs.run("postArea", async () => {
      const report = await postAreaCards(services, assessment, opened, area);
      if (report.postingElsewhere) {
        await services.notify(conversation, {
          title: `Area ${area.number} is already being posted`,
          lines: ["Another **start** is posting these cards right now; it will say here when they are all in."],
        });
        return;
      }
      const lines = report.stoppedBecause
        ? [
            `Posted ${report.posted} card(s), then stopped: ${report.stoppedBecause}. Type **start** again to post the rest.`,
          ]
        : [
            `All ${plural(report.posted + report.alreadyThere, "card is", "cards are")} in the channel (${report.posted} new).`,
          ];
      await services.notify(conversation, {
        title: `Area ${area.number} ${report.stoppedBecause ? "is partly posted" : "is ready"}`,
        lines,
        tone: report.stoppedBecause ? "warning" : "good",
      });
    });
  }
};
