import { replyWithNotice } from "../../teams/replies";
import { readRoster, type RosterPorts } from "../../teams/teamRoster";
import { reminderFor } from "../../answers/reminderFor";
import { targetAreas, type TargetPorts } from "../areaTargets";
import type { Ports } from "../../app/botServices";
import type { CommandHandler } from "../commandContext";
import { findArea } from "../../../assessment/framework/frameworkLookup";

type RemindPorts = TargetPorts & RosterPorts & Ports<"framework", "responses">;

/** A gentle nudge in the channel that @mentions only those who still have statements to answer. */
export const remindCommand: CommandHandler<RemindPorts> = async (context) => {
  const { turn, services, caller } = context;
  if (!caller.team) {
    await replyWithNotice(turn, {
      title: "Use remind in the group's channel",
      lines: ["The reminder is posted where the group works."],
      tone: "warning",
    });
    return;
  }
  const targets = await targetAreas(context, "remind", "send reminders");
  if (!targets) return;
  const roster = await readRoster(turn, services);
  if (!roster) {
    await replyWithNotice(turn, {
      title: "I couldn't read the channel's members",
      lines: ["Teams did not give me the member list just now. Please try again in a minute."],
      tone: "warning",
    });
    return;
  }
  for (const assignment of targets) {
    const area = findArea(services.framework, assignment.areaNumber);
    if (!area) continue;
    const answers = await services.storage.responses.listAreaAnswers(assignment.assessmentId, area.number);
    const message = reminderFor(area, answers, roster);
    if (!message) {
      await replyWithNotice(turn, {
        title: `Area ${area.number}: everyone has answered`,
        lines: ["No reminder needed — thank you all."],
        tone: "good",
      });
      continue;
    }
    await turn.sendActivity(message);
  }
};
