import type { ConsensusThresholds } from "../consensus/consensusThresholds";
import type { AssessmentDetails } from "../groups/assessmentDetails";
import type { AreaAssignment } from "../groups/workingGroup";

export interface NextCyclePlan {
  /** The next assessment as it will be stored: same authority, zone and framework; a fresh rule, no answers. */
  details: AssessmentDetails;
  /** Each area whose group's channel still works, with its channel and leads, waiting for `start`. */
  carried: AreaAssignment[];
  /** Areas whose channel Teams told us is gone: the coordinator assigns them again. */
  leftBehind: AreaAssignment[];
}

export interface NextCycleOptions {
  nextAssessmentId: string;
  /** ISO instant the coordinator confirmed. */
  now: string;
  /** The consensus rule configured now: a new cycle starts under it, not under the old one's. */
  thresholds: ConsensusThresholds;
  /** Who confirmed (Entra object id), recorded as the assigner of every carried area. */
  confirmedBy: string;
}

/**
 * What `new cycle` carries over from the current assessment, and what it leaves: the working groups
 * (channel, areas, leads) come across as assigned but not started, so each lead decides when the
 * cards go out; answers, decisions, young people's scores and dates stay with the closed cycle.
 */
export function planNextCycle(
  current: AssessmentDetails,
  assignments: readonly AreaAssignment[],
  options: NextCycleOptions,
): NextCyclePlan {
  const details: AssessmentDetails = {
    id: options.nextAssessmentId,
    frameworkId: current.frameworkId,
    frameworkVersion: current.frameworkVersion,
    localAuthority: current.localAuthority,
    timeZone: current.timeZone,
    ...(current.rolesInvolved === undefined ? {} : { rolesInvolved: current.rolesInvolved }),
    createdAt: options.now,
    consensusThresholds: { ...options.thresholds },
    cycle: (current.cycle ?? 1) + 1,
    previousAssessmentId: current.id,
  };
  const live = assignments.filter((assignment) => assignment.channel.lostAt === undefined);
  return {
    details,
    carried: live.map((assignment) => ({
      assessmentId: options.nextAssessmentId,
      areaNumber: assignment.areaNumber,
      channel: assignment.channel,
      leads: assignment.leads,
      status: "assigned",
      assignedAt: options.now,
      assignedBy: options.confirmedBy,
    })),
    leftBehind: assignments.filter((assignment) => assignment.channel.lostAt !== undefined),
  };
}
