import type * as restify from "restify";
import type { Ports } from "../app/botServices";
import { moveStage } from "./meetingStage";
import { moveStageBodySchema } from "./tabApiContract";
import type { TabGuards } from "./tabGuards";
import { stageView } from "./views/stageView";

/** The stage view's reads, and moving the stage (kept in bot state, dated by the clock). */
export type StageRoutesPorts = Parameters<typeof stageView>[0] & Ports<"clock", "botState">;

/**
 * The meeting stage kept in step between participants. Teams' "Share to stage" runs the app on
 * every participant's own client (https://learn.microsoft.com/microsoftteams/platform/apps-in-teams-meetings/build-apps-for-teams-meeting-stage:
 * sharing is "interactive and collaborative", each participant interacting with their own copy), so
 * keeping those copies on the same statement is the app's job: the server keeps the position and
 * the pages poll it. Anyone of the area's group may watch (it carries no names); only a lead or the
 * coordinator moves it, as only they record the agreed rating.
 */
export function stageRoutes(
  services: StageRoutesPorts,
  areaRoute: TabGuards["areaRoute"],
): (server: restify.Server) => void {
  return (server) => {
    server.get(
      "/tab/api/areas/:area/stage",
      areaRoute("showMyAnswer", async (t) => ({ status: 200, body: await stageView(services, t.assignment, t.area) })),
    );

    server.put(
      "/tab/api/areas/:area/stage",
      areaRoute("recordDecision", async (t) => {
        const body = moveStageBodySchema.safeParse(t.body);
        if (!body.success) return { status: 400, body: { message: "Say which statement to show: { statementId }." } };
        const view = await stageView(services, t.assignment, t.area);
        if (!view.flagged.includes(body.data.statementId))
          return {
            status: 422,
            body: {
              message: `Statement ${body.data.statementId} is not among the flagged statements of area ${t.area.number}.`,
            },
          };
        await moveStage(services.storage.botState, t.assignment.assessmentId, t.area.number, {
          statementId: body.data.statementId,
          movedAt: services.clock().toISOString(),
        });
        return { status: 200, body: await stageView(services, t.assignment, t.area) };
      }),
    );
  };
}
