import type { Person } from "../../assessment/answers/person";
import type { AreaAssignment, WorkingGroupChannel } from "../../assessment/groups/workingGroup";
import type { Ports } from "../app/botServices";
import { markdownLiteral } from "../../assessment/text/markdownLiteral";
import { findArea } from "../../assessment/framework/frameworkLookup";

export interface AssignAreasRequest {
  assessmentId: string;
  /** The channel that will hold the areas (where `assign` was typed, or the one picked in the tab). */
  channel: Omit<WorkingGroupChannel, "lostAt">;
  areas: readonly number[];
  leads: readonly Person[];
  actorAadObjectId: string;
  /** The coordinator has already agreed to move areas that have answers in another channel. */
  movesConfirmed: boolean;
}

export interface AreaMove {
  areaNumber: number;
  channelName: string;
  answerCount: number;
}

/** Reading and re-keying assignments (audited), and counting the answers a move would carry. */
export type AssignAreasPorts = Ports<"clock" | "framework", "assignments" | "audit" | "responses">;

export type AssignAreasOutcome =
  { kind: "assigned"; summary: string[] } | { kind: "needsConfirmation"; moves: AreaMove[] };

/**
 * The one way areas are given to a working group, for the `assign` dialog and the coordinator's
 * overview in the tab alike (the caller has checked the coordinator role). Moving an area that
 * already has answers in another channel needs a confirmation first; with it (or with nothing to
 * move) each area goes to the channel with the named leads. Answers stay with the area (they are
 * keyed by area, not channel), so moving an area keeps them. Each change is audited.
 */
export async function assignAreas(
  services: AssignAreasPorts,
  request: AssignAreasRequest,
): Promise<AssignAreasOutcome> {
  if (!request.movesConfirmed) {
    const moves = await areasNeedingConfirmation(services, request);
    if (moves.length > 0) return { kind: "needsConfirmation", moves };
  }
  const now = services.clock().toISOString();
  const summary: string[] = [];
  for (const areaNumber of request.areas) {
    const next = (previous?: AreaAssignment): AreaAssignment => ({
      assessmentId: request.assessmentId,
      areaNumber,
      // Field by field: a channel the bot had lost is usable again once it is assigned again.
      channel: {
        teamId: request.channel.teamId,
        channelId: request.channel.channelId,
        channelName: request.channel.channelName,
        tenantId: request.channel.tenantId,
        serviceUrl: request.channel.serviceUrl,
      },
      leads: [...request.leads],
      status:
        previous?.status === "closed"
          ? "closed"
          : previous && previous.channel.channelId === request.channel.channelId
            ? previous.status
            : "assigned",
      assignedAt: now,
      assignedBy: request.actorAadObjectId,
    });
    const { previous } = await services.storage.assignments.updateWith(request.assessmentId, areaNumber, (current) =>
      next(current),
    );
    await services.storage.audit.append({
      assessmentId: request.assessmentId,
      at: now,
      actorAadObjectId: request.actorAadObjectId,
      action: "assignArea",
      target: `area ${areaNumber}`,
      before: previous
        ? JSON.stringify({
            channelId: previous.channel.channelId,
            leads: previous.leads.map((lead) => lead.aadObjectId),
          })
        : undefined,
      after: JSON.stringify({
        channelId: request.channel.channelId,
        leads: request.leads.map((lead) => lead.aadObjectId),
      }),
    });
    const area = findArea(services.framework, areaNumber);
    summary.push(
      `Area ${areaNumber}${area ? `: ${area.title}` : ""} — lead(s): ${request.leads.map((lead) => markdownLiteral(lead.name) || "named lead").join(", ")}`,
    );
  }
  return { kind: "assigned", summary };
}

/** Areas held by another channel that already have answers: moving them needs a confirmation. */
async function areasNeedingConfirmation(services: AssignAreasPorts, request: AssignAreasRequest): Promise<AreaMove[]> {
  const moves: AreaMove[] = [];
  for (const areaNumber of request.areas) {
    const current = await services.storage.assignments.get(request.assessmentId, areaNumber);
    if (!current || current.value.channel.channelId === request.channel.channelId) continue;
    const answers = await services.storage.responses.listAreaAnswers(request.assessmentId, areaNumber);
    if (answers.length > 0)
      moves.push({
        areaNumber,
        channelName: current.value.channel.channelName || "another channel",
        answerCount: answers.length,
      });
  }
  return moves;
}
