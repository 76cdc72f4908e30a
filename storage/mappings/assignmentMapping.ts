import { areaAssignmentSchema, type AreaAssignment } from "../../assessment/groups/workingGroup";
import type { EntityKeys, EntityMapping } from "../entityMapping";
import { composeKey, padNumber } from "../tableKeys";

/** Table Assignments: PartitionKey = assessment id, RowKey = zero-padded area number ("07"). */
export function assignmentPartition(assessmentId: string): string {
  return composeKey(assessmentId);
}

export function assignmentKeys(assessmentId: string, areaNumber: number): EntityKeys {
  return { partitionKey: assignmentPartition(assessmentId), rowKey: padNumber(areaNumber) };
}

/** `channel` is stored as JSON; this flat copy of its id lets a query find a channel's areas. */
export const ASSIGNMENT_CHANNEL_COLUMN = "channelId";

export const assignmentMapping: EntityMapping<AreaAssignment> = {
  schema: areaAssignmentSchema,
  jsonProperties: ["channel", "leads"],
  keysOf: (assignment) => assignmentKeys(assignment.assessmentId, assignment.areaNumber),
  indexColumns: { [ASSIGNMENT_CHANNEL_COLUMN]: (assignment) => assignment.channel.channelId },
};
