import { isAllowed } from "../../../assessment/roles/authorizationMatrix";
import { resolveRoles } from "../../../assessment/roles/resolveRoles";
import { replyWithNotice } from "../../teams/replies";
import { readRoster, type RosterPorts } from "../../teams/teamRoster";
import { areaProgress } from "../../../assessment/answers/areaProgress";
import { targetAreas, type TargetPorts } from "../areaTargets";
import type { Ports } from "../../app/botServices";
import type { CommandContext, CommandHandler } from "../commandContext";
import { plural } from "../../../assessment/text/plural";
import { markdownLiteral } from "../../../assessment/text/markdownLiteral";
import { findArea } from "../../../assessment/framework/frameworkLookup";
import { formatDate } from "../../../assessment/time/formatDates";
import type { AreaAssignment } from "../../../assessment/groups/workingGroup";

/** Reading each area's answers and its channel's roster. */
type StatusPorts = TargetPorts & RosterPorts & Ports<"config" | "framework", "assignments" | "responses">;

/**
 * Progress per statement. Everyone in the group sees counts; leads and the coordinator also see
 * who has not answered. The coordinator in a chat without an area gets every group's progress.
 */
export const statusCommand: CommandHandler<StatusPorts> = async (context) => {
  const { caller, services, args } = context;
  const isCoordinator = services.config.coordinatorAadIds.includes(caller.person.aadObjectId);
  if (!caller.team && isCoordinator && args.length === 0) {
    await overview(context);
    return;
  }
  const targets = await targetAreas(context, "status", "see progress");
  if (!targets) return;
  const roster = caller.team ? await readRoster(context.turn, services) : undefined;
  for (const assignment of targets) {
    const area = findArea(services.framework, assignment.areaNumber);
    if (!area) continue;
    const answers = await services.storage.responses.listAreaAnswers(assignment.assessmentId, area.number);
    const scores = await services.storage.responses.listAreaGlobalScores(assignment.assessmentId, area.number);
    const progress = areaProgress(area, answers, scores, roster);
    const roles = resolveRoles({ caller, coordinatorAadIds: services.config.coordinatorAadIds, assignment });
    const mayNameNames = isAllowed("remind", roles);
    // Out of everyone on the roster (all its pages), not out of whoever happened to answer.
    const answered = roster
      ? `${progress.respondents} of ${plural(roster.length, "member")} ${progress.respondents === 1 ? "has" : "have"} answered`
      : `${plural(progress.respondents, "person has", "people have")} answered`;
    const lines = [`Status: ${assignment.status}. ${answered}; ${progress.globalScores} gave a global score.`];
    const lost = lostChannelNote(assignment, context.assessment.timeZone);
    if (lost) lines.push(lost);
    if (mayNameNames && roster) {
      lines.push(
        progress.notDone.length === 0
          ? "Everyone in the channel has answered every statement."
          : `Not finished: ${progress.notDone.map((item) => `${markdownLiteral(item.person.name) || "a member"} (${item.missing.length} left)`).join(", ")}`,
      );
    }
    await replyWithNotice(context.turn, {
      title: `Area ${area.number}: ${area.title}`,
      lines,
      facts: progress.perStatement.map((item) => ({ title: item.statementId, value: `${item.answered} answered` })),
    });
  }
};

async function overview({ turn, services, assessment }: CommandContext<StatusPorts>): Promise<void> {
  const assignments = await services.storage.assignments.list(assessment.id);
  const facts = await Promise.all(
    services.framework.areas.map(async (area) => {
      const assignment = assignments.find((candidate) => candidate.areaNumber === area.number);
      if (!assignment) return { title: `${area.number}. ${area.title}`, value: "no group yet" };
      const answers = await services.storage.responses.listAreaAnswers(assessment.id, area.number);
      const progress = areaProgress(area, answers, [], undefined);
      const full = progress.perStatement.filter((item) => item.answered > 0).length;
      const channelName = markdownLiteral(assignment.channel.channelName) || "channel";
      const channel = assignment.channel.lostAt ? `no channel (${channelName} lost)` : channelName;
      return {
        title: `${area.number}. ${area.title}`,
        value: `${assignment.status} · ${channel} · ${plural(progress.respondents, "person", "people")} · ${full}/${area.statements.length} statements answered`,
      };
    }),
  );
  const lost = assignments.filter((assignment) => assignment.channel.lostAt).map((assignment) => assignment.areaNumber);
  await replyWithNotice(turn, {
    title: `Progress of ${markdownLiteral(assessment.localAuthority) || "the assessment"}`,
    lines:
      lost.length === 0
        ? []
        : [
            `Without a channel: ${plural(lost.length, "area")} (${lost.join(", ")}). Every answer is kept; type **assign** in the channel that should take each over.`,
          ],
    facts,
  });
}

/**
 * A channel the lifecycle events marked lost (deleted, or the app removed from its team) reaches
 * nobody: cards, digests and reminders stop until the area is assigned to another channel.
 */
function lostChannelNote(assignment: AreaAssignment, timeZone: string): string | undefined {
  const { lostAt, channelName } = assignment.channel;
  if (!lostAt) return undefined;
  const name = markdownLiteral(channelName) || "Its channel";
  return `${name} has been out of reach since ${formatDate(lostAt, timeZone)} (deleted, or the app removed from its team). Every answer is kept; type **assign** in the channel that should take the area over.`;
}
