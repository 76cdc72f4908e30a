import type * as restify from "restify";
import type { Person } from "../../assessment/answers/person";
import { findArea } from "../../assessment/framework/frameworkLookup";
import type { WorkingGroupChannel } from "../../assessment/groups/workingGroup";
import type { Ports } from "../app/botServices";
import { getCurrentAssessment, type AssessmentPorts } from "../app/currentAssessment";
import { assignAreas, type AssignAreasPorts } from "../assignments/assignAreas";
import { compileAndOffer, type CompilePorts } from "../compile/compileAndOffer";
import { findGroupMember, readGroupRoster, type RosterPorts } from "../teams/teamRoster";
import { groupChannels } from "./groupChannels";
import { assignAreasBodySchema, type AssignResponse, type CompileResponse, type GroupPeople } from "./tabApiContract";
import type { Reply, TabGuards } from "./tabGuards";
import { overviewView } from "./views/overviewView";

const TEAMS_BUSY = "Teams did not give the group's members just now. Please try again in a minute.";

/** The overview's reads, compiling, the groups' rosters and assigning areas. */
export type OverviewRoutesPorts = AssessmentPorts &
  Parameters<typeof overviewView>[0] &
  CompilePorts &
  RosterPorts &
  AssignAreasPorts &
  Ports<"config" | "framework", "assignments">;

/**
 * The coordinator's overview: every area at a glance, compiling, and assigning areas and leads to
 * the groups' channels through the same assignment service as the `assign` dialog.
 */
export function overviewRoutes(
  services: OverviewRoutesPorts,
  assessmentRoute: TabGuards["assessmentRoute"],
): (server: restify.Server) => void {
  const knownChannel = async (tenantId: string, channelId: string): Promise<WorkingGroupChannel | undefined> =>
    groupChannels(await services.storage.assignments.list((await getCurrentAssessment(services, tenantId)).id)).find(
      (channel) => channel.channelId === channelId,
    );

  return (server) => {
    // The overview shows every group's progress and flags: the coordinator's, as `compile` is.
    server.get(
      "/tab/api/overview",
      assessmentRoute("compile", async ({ identity }) => ({
        status: 200,
        body: await overviewView(services, (await getCurrentAssessment(services, identity.tenantId)).id),
      })),
    );

    server.post(
      "/tab/api/compile",
      assessmentRoute("compile", async ({ identity }) => {
        const { compiled, groups } = await compileAndOffer(services, {
          assessmentId: (await getCurrentAssessment(services, identity.tenantId)).id,
          actorAadObjectId: identity.aadObjectId,
        });
        const body: CompileResponse = {
          complete: compiled.summary.complete,
          unresolved: compiled.summary.unresolved.length,
          downloads: groups.flatMap((group) =>
            group.links.map((link) => ({ label: `${group.heading}: ${link.title}`, url: link.url })),
          ),
          expiresInMinutes: services.config.downloadLinks.ttlMinutes,
        };
        return { status: 200, body };
      }),
    );

    // Leads are picked from the group's team, as the assign card's people picker is checked against it.
    server.get(
      "/tab/api/groups/:channelId/people",
      assessmentRoute("assignAreas", async ({ identity, params }) => {
        const channel = await knownChannel(identity.tenantId, params["channelId"] ?? "");
        if (!channel) return { status: 404, body: { message: "The bot does not know that channel." } };
        const roster = await readGroupRoster(services, channel);
        if (!roster) return { status: 503, body: { message: TEAMS_BUSY } };
        const body: GroupPeople = {
          people: roster
            .map((member) => ({ aadObjectId: member.aadObjectId, name: member.name || member.userPrincipalName }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        };
        return { status: 200, body };
      }),
    );

    server.put(
      "/tab/api/assignments",
      assessmentRoute("assignAreas", async ({ identity, body }) => {
        const parsed = assignAreasBodySchema.safeParse(body);
        if (!parsed.success) return refused(400, parsed.error.issues[0]?.message ?? "The request was not understood.");
        const request = parsed.data;
        const unknownArea = request.areas.find((number) => !findArea(services.framework, number));
        if (unknownArea !== undefined) return refused(400, `There is no area ${unknownArea}.`);
        const channel = await knownChannel(identity.tenantId, request.channelId);
        if (!channel)
          return refused(
            422,
            "The bot does not know that channel yet. Type **assign** in the channel once (the bot learns it from there), then assign from here.",
          );
        const leads: Person[] = [];
        for (const aadObjectId of new Set(request.leadAadIds.map((id) => id.toLowerCase()))) {
          const lookup = await findGroupMember(services, channel, aadObjectId);
          if (lookup.kind === "unavailable") return refused(503, TEAMS_BUSY);
          if (lookup.kind === "notMember")
            return refused(
              422,
              "One of the people picked is not a member of the group's team. Pick leads from the team.",
            );
          const { teamsUserId, name } = lookup.member;
          leads.push({ aadObjectId: lookup.member.aadObjectId, teamsUserId, name });
        }
        const outcome = await assignAreas(services, {
          assessmentId: (await getCurrentAssessment(services, identity.tenantId)).id,
          channel,
          areas: [...new Set(request.areas)].sort((a, b) => a - b),
          leads,
          actorAadObjectId: identity.aadObjectId,
          movesConfirmed: request.confirmMoves,
        });
        const reply: AssignResponse =
          outcome.kind === "assigned"
            ? { ok: true, summary: outcome.summary }
            : {
                ok: false,
                message: "These areas already have answers in another channel. The answers move with the area.",
                moves: outcome.moves,
              };
        return { status: outcome.kind === "assigned" ? 200 : 409, body: reply };
      }),
    );
  };
}

function refused(status: number, message: string): Reply {
  return { status, body: { ok: false, message } satisfies AssignResponse };
}
