import { isAllowed, whoMay, type Operation } from "../../assessment/roles/authorizationMatrix";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import { findArea } from "../../assessment/framework/frameworkLookup";
import { resolveRoles } from "../../assessment/roles/resolveRoles";
import { replyWithNotice, refusal } from "../teams/replies";
import { parseAreaNumbers } from "./commandArguments";
import type { Ports } from "../app/botServices";
import type { CommandContext } from "./commandContext";

/** Reading the assignments and checking the caller's role for each. */
export type TargetPorts = Ports<"config" | "framework", "assignments">;

/**
 * Which areas a command acts on: the numbers typed, else the areas of the channel it was typed in,
 * else (in personal chat) the areas the caller leads. Every target is checked against the
 * authorization matrix; on any refusal or problem the user is told and nothing happens.
 */
export async function targetAreas(
  context: CommandContext<TargetPorts>,
  operation: Operation,
  sentence: string,
): Promise<AreaAssignment[] | undefined> {
  const { caller, services, assessment } = context;
  const requested = parseAreaNumbers(context.args);
  if (!requested.ok) {
    await replyWithNotice(context.turn, {
      title: "Check the area number",
      lines: [requested.message],
      tone: "warning",
    });
    return undefined;
  }
  const assignments = await services.storage.assignments.list(assessment.id);
  const targets = pickTargets(context, assignments, requested.areas);
  if (typeof targets === "string") {
    await replyWithNotice(context.turn, { title: "Which area?", lines: [targets], tone: "warning" });
    return undefined;
  }
  for (const assignment of targets) {
    const roles = resolveRoles({ caller, coordinatorAadIds: services.config.coordinatorAadIds, assignment });
    if (!isAllowed(operation, roles)) {
      await replyWithNotice(
        context.turn,
        refusal(`${sentence} for area ${assignment.areaNumber} here`, whoMay(operation)),
      );
      return undefined;
    }
  }
  return targets;
}

function pickTargets(
  context: CommandContext<TargetPorts>,
  assignments: AreaAssignment[],
  requested: number[],
): AreaAssignment[] | string {
  const { caller, services } = context;
  if (requested.length > 0) {
    const unknown = requested.find((number) => findArea(services.framework, number) === undefined);
    if (unknown !== undefined)
      return `There is no area ${unknown}: the framework has areas 1 to ${services.framework.areas.length}.`;
    const missing = requested.find((number) => !assignments.some((assignment) => assignment.areaNumber === number));
    if (missing !== undefined)
      return `Area ${missing} has no working group yet. The coordinator can **assign ${missing}** in the group's channel.`;
    return assignments.filter((assignment) => requested.includes(assignment.areaNumber));
  }
  if (caller.team) {
    const here = assignments.filter((assignment) => assignment.channel.channelId === caller.team?.channelId);
    return here.length > 0
      ? here
      : "No area is assigned to this channel yet. The coordinator can type **assign** here.";
  }
  const led = assignments.filter((assignment) =>
    assignment.leads.some((lead) => lead.aadObjectId === caller.person.aadObjectId),
  );
  return led.length > 0 ? led : "Say which area, e.g. **status 7**.";
}
