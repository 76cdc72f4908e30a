import type * as restify from "restify";
import { z } from "zod";
import { isAllowed, whoMay, type Operation } from "../../assessment/roles/authorizationMatrix";
import type { Area } from "../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import type { BotServices } from "../app/botServices";
import { getCurrentAssessment } from "../app/currentAssessment";
import { saveAnswer } from "../answers/saveAnswer";
import { saveGlobalScore } from "../answers/saveGlobalScore";
import { recordDecision } from "../moderation/recordDecision";
import { recordGlobalDecision } from "../moderation/recordGlobalDecision";
import { acceptModalRatings } from "../moderation/acceptModalRatings";
import { enteredWholeNumber } from "../actions/enteredText";
import { compileAndOffer } from "../compile/compileAndOffer";
import { reminderFor } from "../answers/reminderFor";
import { sendToConversation } from "../teams/conversationSend";
import { TabAccess, type AreaAccess } from "./tabAccess";
import type { TabIdentity, TabSignIn } from "./tabSignIn";
import {
  recordDecisionBodySchema,
  recordGlobalDecisionBodySchema,
  saveAnswerBodySchema,
  saveGlobalScoreBodySchema,
  type CompileResponse,
  type MeView,
  type SaveResponse,
} from "./tabApiContract";
import { myAreaView } from "./views/myAreaView";
import { leadAreaView } from "./views/leadAreaView";
import { overviewView } from "./views/overviewView";
import { servePage, serveScript } from "./tabPage";
import { readJsonBody } from "../http/readJsonBody";
import { findArea } from "../../assessment/framework/frameworkLookup";

type Reply = { status: number; body: unknown };
interface AreaTarget {
  identity: TabIdentity;
  assignment: AreaAssignment;
  area: Area;
  access: AreaAccess;
  params: Record<string, string>;
  body: unknown;
}

const areaParamSchema = z.coerce.number().int().min(1).max(99);
/** The largest save the tab sends: evidence and ideas at their limits, with room for JSON escapes. */
const TAB_BODY_MAX_BYTES = 64 * 1024;

/**
 * The Teams tab: its page and script, and the JSON API under /tab/api/. Every API call proves who
 * is calling (tabSignIn), then checks the role for the area through the same authorization matrix
 * and role resolution as the bot, then calls the same per-action service as the card.
 */
export function tabRoutes(services: BotServices, signIn: TabSignIn): (server: restify.Server) => void {
  const access = new TabAccess(services);

  const identify = async (
    req: restify.Request,
  ): Promise<{ ok: true; identity: TabIdentity } | { ok: false; reply: Reply }> => {
    const header = (name: string) => (typeof req.headers[name] === "string" ? req.headers[name] : undefined);
    const result = await signIn({
      authorization: header("authorization"),
      devUser: header("x-dev-user"),
      devName: header("x-dev-name") === undefined ? undefined : decodeURIComponent(header("x-dev-name") ?? ""),
      devTenant: header("x-dev-tenant"),
      remoteAddress: req.socket.remoteAddress ?? "",
    });
    return result.ok ? result : { ok: false, reply: { status: 401, body: { message: result.message } } };
  };

  /** An API route about one area: sign-in → area assigned in the caller's assessment → role allowed → handler. */
  const areaRoute =
    (operation: Operation, handler: (target: AreaTarget) => Promise<Reply>) =>
    async (req: restify.Request, res: restify.Response) => {
      // restify types route parameters as any: they are the path's named segments, strings.
      const params = (req.params ?? {}) as Record<string, string>;
      const reply = await (async (): Promise<Reply> => {
        const who = await identify(req);
        if (!who.ok) return who.reply;
        const areaNumber = areaParamSchema.safeParse(params["area"]);
        const area = areaNumber.success ? findArea(services.framework, areaNumber.data) : undefined;
        if (!area) return { status: 404, body: { message: "There is no such area." } };
        const stored = await services.storage.assignments.get(
          (await getCurrentAssessment(services, who.identity.tenantId)).id,
          area.number,
        );
        if (!stored)
          return { status: 404, body: { message: `Area ${area.number} has no working group at the moment.` } };
        const areaAccess = await access.forArea(who.identity, stored.value);
        if (!isAllowed(operation, areaAccess.roles))
          return { status: 403, body: { message: `Only ${whoMay(operation)} for area ${area.number} can do this.` } };
        // No restify body parser is mounted (see createHttpServer): a PUT's JSON is read here, capped, once the caller is known.
        const body = req.method === "PUT" ? await readJsonBody(req, TAB_BODY_MAX_BYTES) : undefined;
        if (body && !body.ok)
          return {
            status: body.status,
            body: { ok: false, message: `The request was not understood: ${body.problem}.` },
          };
        return handler({
          identity: who.identity,
          assignment: stored.value,
          area,
          access: areaAccess,
          params,
          body: body?.value,
        });
      })();
      res.json(reply.status, reply.body);
    };

  /** An API route about the whole assessment: sign-in → a role that needs no area (the coordinator's) → handler. */
  const assessmentRoute =
    (operation: Operation, handler: (identity: TabIdentity) => Promise<Reply>) =>
    async (req: restify.Request, res: restify.Response) => {
      const who = await identify(req);
      const reply = !who.ok
        ? who.reply
        : isAllowed(operation, access.overall(who.identity))
          ? await handler(who.identity)
          : { status: 403, body: { message: `Only ${whoMay(operation)} can do this.` } };
      res.json(reply.status, reply.body);
    };

  const statementOf = (target: AreaTarget) =>
    target.area.statements.find((statement) => statement.id === target.params["statementId"]);
  const badBody = (error: z.ZodError): Reply => ({
    status: 400,
    body: { ok: false, message: error.issues[0]?.message ?? "The request was not understood." },
  });
  const saved = (
    result: { ok: true; answeredCount: number; savedAt: string } | { ok: false; message: string },
  ): Reply => ({
    status: result.ok ? 200 : 422,
    body: result satisfies SaveResponse,
  });

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
      const areas: MeView["areas"] = [];
      for (const assignment of assignments.sort((a, b) => a.areaNumber - b.areaNumber)) {
        const area = findArea(services.framework, assignment.areaNumber);
        if (!area) continue;
        const { roles } = await access.forArea(who.identity, assignment);
        const canAnswer = isAllowed("submitAnswer", roles);
        const canModerate = isAllowed("recordDecision", roles);
        if (canAnswer || canModerate)
          areas.push({ number: area.number, title: area.title, status: assignment.status, canAnswer, canModerate });
      }
      const view: MeView = {
        name: who.identity.name,
        isCoordinator: access.overall(who.identity).includes("coordinator"),
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
        const result = await saveAnswer(services, {
          assignment: t.assignment,
          area: t.area,
          statement,
          respondent: t.access.person,
          ...body.data,
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
        body: await leadAreaView(services, t.assignment, t.area, await access.membersOf(t.assignment)),
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
        const result = await recordDecision(services, {
          assignment: t.assignment,
          statement,
          decidedBy: t.access.person,
          ...body.data,
        });
        return saved(result.ok ? { ok: true, answeredCount: 0, savedAt: result.decision.decidedAt } : result);
      }),
    );

    server.put(
      "/tab/api/areas/:area/global-decision",
      areaRoute("recordGlobalDecision", async (t) => {
        const body = recordGlobalDecisionBodySchema.safeParse(t.body);
        if (!body.success) return badBody(body.error);
        const agreedScore = enteredWholeNumber(body.data, "agreedScore");
        const result = await recordGlobalDecision(services, {
          assignment: t.assignment,
          decidedBy: t.access.person,
          agreedScore,
          rationale: body.data.rationale,
        });
        return saved(result.ok ? { ok: true, answeredCount: 0, savedAt: result.decision.decidedAt } : result);
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

    server.post(
      "/tab/api/areas/:area/remind",
      areaRoute("remind", async (t) => {
        const roster = await access.membersOf(t.assignment);
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

    // The overview shows every group's progress and flags: the coordinator's, as `compile` is.
    server.get(
      "/tab/api/overview",
      assessmentRoute("compile", async (identity) => ({
        status: 200,
        body: await overviewView(services, (await getCurrentAssessment(services, identity.tenantId)).id),
      })),
    );

    server.post(
      "/tab/api/compile",
      assessmentRoute("compile", async (identity) => {
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
  };
}
