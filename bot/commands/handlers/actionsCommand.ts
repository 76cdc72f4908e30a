import { findArea } from "../../../assessment/framework/frameworkLookup";
import { whoMay } from "../../../assessment/roles/authorizationMatrix";
import { actionPlanCardFor, mayTrackArea } from "../../actionPlan/actionPlanCardFor";
import { refusal, replyWithCard, replyWithNotice } from "../../teams/replies";
import { parseAreaNumbers } from "../commandArguments";
import type { CommandHandler } from "../commandContext";
import type { Ports } from "../../app/botServices";

type ActionsPorts = Parameters<typeof actionPlanCardFor>[0] & Ports<"framework", "assignments">;

/**
 * `actions [area …]`: the action plan card, each action with a form for its owner, due date and
 * status. The coordinator sees every area's actions; a lead those of the areas they lead (in the
 * area's channel, or all of theirs in personal chat).
 */
export const actionsCommand: CommandHandler<ActionsPorts> = async ({ turn, caller, services, assessment, args }) => {
  const requested = parseAreaNumbers(args);
  if (!requested.ok) {
    await replyWithNotice(turn, { title: "Check the area number", lines: [requested.message], tone: "warning" });
    return;
  }
  const unknown = requested.areas.find((number) => findArea(services.framework, number) === undefined);
  if (unknown !== undefined) {
    await replyWithNotice(turn, {
      title: "Check the area number",
      lines: [
        `There is no area ${String(unknown)}: the framework has areas 1 to ${String(services.framework.areas.length)}.`,
      ],
      tone: "warning",
    });
    return;
  }
  const assignments = await services.storage.assignments.list(assessment.id);
  const assignmentOf = (area: number) => assignments.find((assignment) => assignment.areaNumber === area);
  const allowed =
    requested.areas.length > 0
      ? requested.areas.every((area) => mayTrackArea(caller, services, assignmentOf(area)))
      : mayTrackArea(caller, services, undefined) ||
        assignments.some((assignment) => mayTrackArea(caller, services, assignment));
  if (!allowed) {
    const which = requested.areas.length > 0 ? ` of area ${requested.areas.join(", ")} here` : "";
    await replyWithNotice(
      turn,
      refusal(`set the owners, due dates and status of the action plan${which}`, whoMay("actions")),
    );
    return;
  }
  await replyWithCard(
    turn,
    await actionPlanCardFor(services, caller, {
      assessmentId: assessment.id,
      ...(requested.areas.length > 0 ? { areaNumbers: requested.areas } : {}),
    }),
  );
};
