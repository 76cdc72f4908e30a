import type * as restify from "restify";
import type { z } from "zod";
import { isAllowed } from "../../assessment/roles/authorizationMatrix";
import type { Ports } from "../app/botServices";
import { getCurrentAssessment } from "../app/currentAssessment";
import { saveAnswer, type SaveAnswerServices } from "../answers/saveAnswer";
import { saveGlobalScore } from "../answers/saveGlobalScore";
import {
  globalScoreDecision,
  recordModerationDecision,
  statementDecision,
  type ModerationServices,
  type RecordModerationResult,
} from "../moderation/recordModerationDecision";
import { acceptModalRatings } from "../moderation/acceptModalRatings";
import { sendBackForRound, type SendBackPorts } from "../rounds/sendBackForRound";
import { enteredWholeNumber } from "../actions/enteredText";
import { reminderFor } from "../answers/reminderFor";
import { sendToConversation, type ConversationPorts } from "../teams/conversationSend";
import { TabAccess } from "./tabAccess";
import type { TabSignIn } from "./tabSignIn";
import { tabGuards, type AreaTarget, type Reply, type TabGuardsPorts } from "./tabGuards";
import { overviewRoutes, type OverviewRoutesPorts } from "./overviewRoutes";
import { stageRoutes, type StageRoutesPorts } from "./stageRoutes";
import {
  recordDecisionBodySchema,
  recordGlobalDecisionBodySchema,
  saveAnswerBodySchema,
  saveGlobalScoreBodySchema,
  type MeView,
  type SaveResponse,
  type SendBackResponse,
} from "./tabApiContract";
import { myAreaView } from "./views/myAreaView";
import { leadAreaView } from "./views/leadAreaView";
import { servePage, serveScript } from "./tabPage";
import { findArea } from "../../assessment/framework/frameworkLookup";

/** Every tab route's ports: the guards', the overview's and the stage's, and the per-action services the area routes call. */
type TabRoutesPorts = TabGuardsPorts &
  OverviewRoutesPorts &
  StageRoutesPorts &
  SaveAnswerServices &
  Parameters<typeof saveGlobalScore>[0] &
  ModerationServices &
  Parameters<typeof acceptModalRatings>[0] &
  SendBackPorts &
  Parameters<typeof myAreaView>[0] &
  Parameters<typeof leadAreaView>[0] &
  ConversationPorts &
  Ports<"config" | "framework" | "sender", "assignments" | "moderation" | "responses">;

/**
 * The Teams tab: its page and script, and the JSON API under /tab/api/. Every API call goes through
 * tabGuards (who is calling, then the role for the area or the assessment) and then calls the same
 * per-action service as the card.
 */
export function tabRoutes(services: TabRoutesPorts, signIn: TabSignIn): (server: restify.Server) => void {
  const { identify, areaRoute, assessmentRoute } = tabGuards(services, signIn);
  const registerOverview = overviewRoutes(services, assessmentRoute);
  const registerStage = stageRoutes(services, areaRoute);

  const statementOf = (target: AreaTarget) =>
    target.area.statements.find((statement) => statement.id === target.params["statementId"]);
  const badBody = (error: z.ZodError): Reply => ({
    status: 400,
    body: { ok: false, message: error.issues[0]?.message ?? "The request was not understood." },
  });
  const saved = (result: SaveResponse): Reply => ({ status: result.ok ? 200 : 422, body: result });
  const decisionSaved = (result: RecordModerationResult<{ decidedAt: string }>): Reply =>
    saved(
      result.ok
        ? { ok: true, answeredCount: 0, savedAt: result.decision.decidedAt }
        : result.reason === "changedSince"
          ? {
              ok: false,
              message: `${result.message} What you typed is still here: press Record again to replace their decision with yours, or reload the page to see theirs (reloading clears what you typed).`,
              decidedAt: result.current.decidedAt,
            }
          : { ok: false, message: result.message },
    );

  return (server) => {
    server.get(
      "/tab",
      servePage(services.config.tabSignIn.kind === "sso" ? services.config.botAuth?.appId : undefined),
    );
    server.get("/tab/app.js", serveScript);

    server.get("/tab/api/me", async (req: restify.Request, res: restify.Response) => {
      const who = await identify(req);
      if (!who.ok) {
        res.json(who.reply.status, who.reply.body);
        return;
      }
      const assignments = await services.storage.assignments.list(
        (await getCurrentAssessment(services, who.identity.tenantId)).id,
      );
      const access = new TabAccess(services, who.identity);
      const areas: MeView["areas"] = [];
      for (const assignment of assignments.sort((a, b) => a.areaNumber - b.areaNumber)) {
        const area = findArea(services.framework, assignment.areaNumber);
        if (!area) continue;
        const { roles } = await access.forArea(assignment, "submitAnswer");
        const canAnswer = isAllowed("submitAnswer", roles);
        const canModerate = isAllowed("recordDecision", roles);
        if (canAnswer || canModerate)
          areas.push({ number: area.number, title: area.title, status: assignment.status, canAnswer, canModerate });
      }
      const view: MeView = {
        name: who.identity.name,
        isCoordinator: access.overall().includes("coordinator"),
        areas,
      };
      res.json(200, view);
    });

    server.get(
      "/tab/api/areas/:area/mine",
      areaRoute("showMyAnswer", async (t) => ({
        status: 200,
        body: await myAreaView(services, t.assignment, t.area, {
          aadObjectId: t.identity.aadObjectId,
          timeZone: (await getCurrentAssessment(services, t.identity.tenantId)).timeZone,
        }),
      })),
    );

    server.put(
      "/tab/api/areas/:area/answers/:statementId",
      areaRoute("submitAnswer", async (t) => {
        const statement = statementOf(t);
        if (!statement)
          return { status: 404, body: { ok: false, message: "There is no such statement in this area." } };
        const body = saveAnswerBodySchema.safeParse(t.body);
        if (!body.success) return badBody(body.error);
        // A statement sent back for another round: saving here is the member's answer in that round,
        // as on the re-rating card (Teams' mobile clients cannot press that card's Action.Execute).
        const round = await services.storage.moderation.getRound(t.assignment.assessmentId, statement.id);
        const result = await saveAnswer(services, {
          assignment: t.assignment,
          area: t.area,
          statement,
          respondent: t.access.person,
          ...body.data,
          ...(round ? { round: round.round } : {}),
        });
        return saved(
          result.ok ? { ok: true, answeredCount: result.answeredCount, savedAt: result.answer.updatedAt } : result,
        );
      }),
    );

    server.put(
      "/tab/api/areas/:area/global-score",
      areaRoute("submitGlobalScore", async (t) => {
        const body = saveGlobalScoreBodySchema.safeParse(t.body);
        if (!body.success) return badBody(body.error);
        const score = enteredWholeNumber(body.data, "score");
        const result = await saveGlobalScore(services, {
          assignment: t.assignment,
          area: t.area,
          respondent: t.access.person,
          score,
        });
        return saved(
          result.ok ? { ok: true, answeredCount: result.answeredCount, savedAt: result.answer.updatedAt } : result,
        );
      }),
    );

    server.get(
      "/tab/api/areas/:area/moderation",
      areaRoute("digest", async (t) => ({
        status: 200,
        body: await leadAreaView(services, t.assignment, t.area, await t.checker.membersOf(t.assignment)),
      })),
    );

    server.put(
      "/tab/api/areas/:area/decisions/:statementId",
      areaRoute("recordDecision", async (t) => {
        const statement = statementOf(t);
        if (!statement)
          return { status: 404, body: { ok: false, message: "There is no such statement in this area." } };
        const body = recordDecisionBodySchema.safeParse(t.body);
        if (!body.success) return badBody(body.error);
        // Both pages send all four fields; a body without the agreed texts (a page loaded before they
        // were offered) keeps what the lead wrote: absent keeps, blank clears.
        const stored =
          body.data.agreedEvidence === undefined || body.data.agreedIdeas === undefined
            ? await services.storage.moderation.getDecision(t.assignment.assessmentId, statement.id)
            : undefined;
        const result = await recordModerationDecision(
          services,
          statementDecision,
          {
            assessmentId: t.assignment.assessmentId,
            areaNumber: t.assignment.areaNumber,
            statementId: statement.id,
            rationale: body.data.rationale,
            agreedEvidence: body.data.agreedEvidence ?? stored?.agreedEvidence,
            agreedIdeas: body.data.agreedIdeas ?? stored?.agreedIdeas,
            agreedRating: enteredWholeNumber(body.data, "agreedRating"),
            decidedBy: t.access.person,
          },
          { replacing: body.data.replacing },
        );
        return decisionSaved(result);
      }),
    );

    server.put(
      "/tab/api/areas/:area/global-decision",
      areaRoute("recordGlobalDecision", async (t) => {
        const body = recordGlobalDecisionBodySchema.safeParse(t.body);
        if (!body.success) return badBody(body.error);
        const result = await recordModerationDecision(
          services,
          globalScoreDecision(services.framework.globalScoreMax),
          {
            assessmentId: t.assignment.assessmentId,
            areaNumber: t.assignment.areaNumber,
            agreedScore: enteredWholeNumber(body.data, "agreedScore"),
            rationale: body.data.rationale,
            decidedBy: t.access.person,
          },
          { replacing: body.data.replacing },
        );
        return decisionSaved(result);
      }),
    );

    server.post(
      "/tab/api/areas/:area/accept-unflagged",
      areaRoute("acceptModalRatings", async (t) => ({
        status: 200,
        body: await acceptModalRatings(services, {
          assignment: t.assignment,
          area: t.area,
          assessment: await getCurrentAssessment(services, t.identity.tenantId),
          decidedBy: t.access.person,
        }),
      })),
    );

    // Send flagged statements back to the group: one (its id in the path) or every one that can go.
    const sendBack = (one: boolean) =>
      areaRoute("sendBack", async (t) => {
        const statement = one ? statementOf(t) : undefined;
        if (one && !statement)
          return { status: 404, body: { ok: false, message: "There is no such statement in this area." } };
        const result = await sendBackForRound(services, {
          assignment: t.assignment,
          area: t.area,
          assessment: await getCurrentAssessment(services, t.identity.tenantId),
          startedBy: t.access.person,
          ...(statement ? { statementIds: [statement.id] } : {}),
        });
        return { status: 200, body: result satisfies SendBackResponse };
      });
    server.post("/tab/api/areas/:area/send-back", sendBack(false));
    server.post("/tab/api/areas/:area/send-back/:statementId", sendBack(true));

    server.post(
      "/tab/api/areas/:area/remind",
      areaRoute("remind", async (t) => {
        const roster = await t.checker.membersOf(t.assignment);
        if (!roster)
          return {
            status: 503,
            body: {
              ok: false,
              message: "Teams did not give the channel's members just now. Please try again in a minute.",
            },
          };
        const message = reminderFor(
          t.area,
          await services.storage.responses.listAreaAnswers(t.assignment.assessmentId, t.area.number),
          roster,
        );
        if (!message) return { status: 200, body: { ok: true, message: "Everyone has answered: no reminder needed." } };
        const { channel } = t.assignment;
        const outcome = await services.sender.send(channel.channelId, () =>
          sendToConversation(services, { serviceUrl: channel.serviceUrl, conversationId: channel.channelId }, message),
        );
        return outcome.kind === "sent"
          ? { status: 200, body: { ok: true, message: "The reminder is posted in the group's channel." } }
          : {
              status: 502,
              body: { ok: false, message: "Teams did not take the reminder just now. Please try again in a minute." },
            };
      }),
    );

    registerOverview(server);
    registerStage(server);
  };
}
