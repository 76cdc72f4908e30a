import { MessageFactory, type Mention } from "botbuilder";
import { replyWithNotice } from "../../teams/replies";
import { readRoster } from "../../teams/teamRoster";
import { areaProgress } from "../../answers/areaProgress";
import { targetAreas } from "../areaTargets";
import type { CommandHandler } from "../commandContext";

/** A gentle nudge in the channel that @mentions only those who still have statements to answer. */
export const remindCommand: CommandHandler = async (context) => {
  const { turn, services, caller } = context;
  if (!caller.team) {
    await replyWithNotice(turn, { title: "Use remind in the group's channel", lines: ["The reminder is posted where the group works."], tone: "warning" });
    return;
  }
  const targets = await targetAreas(context, "remind", "send reminders");
  if (!targets) return;
  const roster = await readRoster(turn, services);
  if (!roster) {
    await replyWithNotice(turn, { title: "I couldn't read the channel's members", lines: ["Teams did not give me the member list just now. Please try again in a minute."], tone: "warning" });
    return;
  }
  for (const assignment of targets) {
    const area = services.framework.areas.find((candidate) => candidate.number === assignment.areaNumber);
    if (!area) continue;
    const answers = await services.storage.responses.listAreaAnswers(assignment.assessmentId, area.number);
    const progress = areaProgress(area, answers, [], roster);
    if (progress.notDone.length === 0) {
      await replyWithNotice(turn, { title: `Area ${area.number}: everyone has answered`, lines: ["No reminder needed — thank you all."], tone: "good" });
      continue;
    }
    const unanswered = progress.perStatement.filter((item) => item.answered < roster.length).map((item) => item.statementId);
    const mentions: Mention[] = progress.notDone.map(({ person }) => ({ type: "mention", mentioned: { id: person.teamsUserId, name: person.name }, text: `<at>${person.name}</at>` }));
    const text = `A gentle reminder for area ${area.number} (${area.title}): ${mentions.map((mention) => mention.text).join(", ")} — there are statements still waiting for your view (${unanswered.join(", ")}). Your evidence matters even if you are unsure of the rating.`;
    const message = MessageFactory.text(text);
    message.entities = mentions;
    await turn.sendActivity(message);
  }
};
