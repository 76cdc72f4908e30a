import type { NextCyclePlan } from "../../assessment/cycles/planNextCycle";
import type { Framework } from "../../assessment/framework/frameworkSchema";
import { findArea } from "../../assessment/framework/frameworkLookup";
import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import { markdownLiteral } from "../../assessment/text/markdownLiteral";
import { plural } from "../../assessment/text/plural";
import type { NewCycleCardData } from "../../cards/newCycleCard";

/** The `new cycle` card's content: what closes, what carries over (channel and leads per area), what does not. */
export function nextCycleProposal(
  framework: Framework,
  current: AssessmentDetails,
  assignments: readonly AreaAssignment[],
  plan: NextCyclePlan,
): NewCycleCardData {
  const cycle = current.cycle ?? 1;
  const areaLine = (assignment: AreaAssignment) =>
    `Area ${assignment.areaNumber}: ${findArea(framework, assignment.areaNumber)?.title ?? ""}`;
  return {
    title: `Close cycle ${cycle} and start cycle ${cycle + 1}?`,
    lines: [
      `Cycle ${cycle}${current.localAuthority === "" ? "" : ` for ${markdownLiteral(current.localAuthority)}`} closes: its ${plural(assignments.length, "area")} stop taking answers and no more digests go out. Everything given stays, read-only, and its agreed result is kept for comparison.`,
      `Cycle ${cycle + 1} starts with no answers. Its digests show leads last cycle's agreed rating, and its document the change since this one.`,
      "Compile this cycle first if you still need its final documents.",
    ],
    groups: plan.carried.map((assignment) => ({
      area: areaLine(assignment),
      channel: markdownLiteral(assignment.channel.channelName) || "(channel name not known)",
      leads: assignment.leads.map((lead) => markdownLiteral(lead.name) || "(name not known)").join(", "),
    })),
    leftBehind: plan.leftBehind.map(
      (assignment) => `${areaLine(assignment)}: its channel can no longer be reached; assign it again.`,
    ),
    assessmentId: current.id,
  };
}
