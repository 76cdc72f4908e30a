import type { Person } from "../../assessment/answers/person";
import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import type { Ports } from "../app/botServices";
import type { TurnCaller } from "../teams/turnCaller";
import { markdownLiteral } from "../../assessment/text/markdownLiteral";
import { findArea } from "../../assessment/framework/frameworkLookup";

export interface AssignmentRequest {
  areas: number[];
  leads: Person[];
}

/** Reading and re-keying assignments (audited), and counting the answers a reassignment would move. */
export type AssignmentPorts = Ports<"clock" | "framework", "assignments" | "audit" | "responses">;

/** Areas held by another channel that already have answers: moving them needs a confirmation. */
export async function areasNeedingConfirmation(
  services: AssignmentPorts,
  assessment: AssessmentDetails,
  caller: TurnCaller,
  areas: readonly number[],
) {
  const result: Array<{ areaNumber: number; channelName: string; answerCount: number }> = [];
  for (const areaNumber of areas) {
    const current = await services.storage.assignments.get(assessment.id, areaNumber);
    if (!current || current.value.channel.channelId === caller.team?.channelId) continue;
    const answers = await services.storage.responses.listAreaAnswers(assessment.id, areaNumber);
    if (answers.length > 0)
      result.push({
        areaNumber,
        channelName: current.value.channel.channelName || "another channel",
        answerCount: answers.length,
      });
  }
  return result;
}

/**
 * Gives each area to the caller's channel with the named leads. Answers stay with the area (they
 * are keyed by area, not channel), so moving an area keeps them. Each change is audited.
 */
export async function applyAssignment(
  services: AssignmentPorts,
  assessment: AssessmentDetails,
  caller: TurnCaller,
  request: AssignmentRequest,
): Promise<string[]> {
  const team = caller.team;
  if (!team) return [];
  const now = services.clock().toISOString();
  const summary: string[] = [];
  for (const areaNumber of request.areas) {
    const next = (previous?: AreaAssignment): AreaAssignment => ({
      assessmentId: assessment.id,
      areaNumber,
      channel: {
        teamId: team.teamId,
        channelId: team.channelId,
        channelName: team.channelName,
        tenantId: caller.tenantId,
        serviceUrl: caller.serviceUrl,
      },
      leads: request.leads,
      status:
        previous?.status === "closed"
          ? "closed"
          : previous && previous.channel.channelId === team.channelId
            ? previous.status
            : "assigned",
      assignedAt: now,
      assignedBy: caller.person.aadObjectId,
    });
    const { previous } = await services.storage.assignments.updateWith(assessment.id, areaNumber, (current) =>
      next(current),
    );
    await services.storage.audit.append({
      assessmentId: assessment.id,
      at: now,
      actorAadObjectId: caller.person.aadObjectId,
      action: "assignArea",
      target: `area ${areaNumber}`,
      before: previous
        ? JSON.stringify({
            channelId: previous.channel.channelId,
            leads: previous.leads.map((lead) => lead.aadObjectId),
          })
        : undefined,
      after: JSON.stringify({ channelId: team.channelId, leads: request.leads.map((lead) => lead.aadObjectId) }),
    });
    const area = findArea(services.framework, areaNumber);
    summary.push(
      `Area ${areaNumber}${area ? `: ${area.title}` : ""} — lead(s): ${request.leads.map((lead) => markdownLiteral(lead.name) || "named lead").join(", ")}`,
    );
  }
  return summary;
}
