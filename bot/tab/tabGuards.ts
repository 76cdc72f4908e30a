import type * as restify from "restify";
import { z } from "zod";
import { isAllowed, whoMay, type Operation } from "../../assessment/roles/authorizationMatrix";
import type { Area } from "../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import { findArea } from "../../assessment/framework/frameworkLookup";
import type { Ports } from "../app/botServices";
import { getCurrentAssessment, type AssessmentPorts } from "../app/currentAssessment";
import { readJsonBody } from "../http/readJsonBody";
import { TabAccess, type AreaAccess, type TabAccessPorts } from "./tabAccess";
import type { TabIdentity, TabSignIn } from "./tabSignIn";

export type Reply = { status: number; body: unknown };

export interface AreaTarget {
  identity: TabIdentity;
  assignment: AreaAssignment;
  area: Area;
  access: AreaAccess;
  /** The request's own role checker (it remembers Teams' answers for this request only). */
  checker: TabAccess;
  params: Record<string, string>;
  body: unknown;
}

export interface AssessmentTarget {
  identity: TabIdentity;
  params: Record<string, string>;
  body: unknown;
}

export interface TabGuards {
  identify: (req: restify.Request) => Promise<{ ok: true; identity: TabIdentity } | { ok: false; reply: Reply }>;
  /** An API route about one area: sign-in → area assigned in the caller's assessment → role allowed → body → handler. */
  areaRoute: (operation: Operation, handler: (target: AreaTarget) => Promise<Reply>) => restify.RequestHandler;
  /** An API route about the whole assessment: sign-in → a role that needs no area (the coordinator's) → body → handler. */
  assessmentRoute: (
    operation: Operation,
    handler: (target: AssessmentTarget) => Promise<Reply>,
  ) => restify.RequestHandler;
}

/** Finding the caller's assessment and the area's assignment, and checking the caller's role through Teams. */
export type TabGuardsPorts = AssessmentPorts & TabAccessPorts & Ports<"framework", "assignments">;

const areaParamSchema = z.coerce.number().int().min(1).max(99);
/** restify's route parameters (typed `any` by @types/restify). */
const paramsOf = (req: restify.Request): Record<string, string> =>
  (req.params as Record<string, string> | undefined) ?? {};
/** The largest body the tab sends: evidence and ideas at their limits, with room for JSON escapes. */
const TAB_BODY_MAX_BYTES = 64 * 1024;

/**
 * The checks every tab API call goes through, in order: who is calling (tabSignIn), then the role
 * through the same authorization matrix and role resolution as the bot, and only then the JSON
 * body (no restify body parser is mounted, see createHttpServer: a body is read, capped, once the
 * caller is known).
 */
export function tabGuards(services: TabGuardsPorts, signIn: TabSignIn): TabGuards {
  const identify: TabGuards["identify"] = async (req) => {
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

  const readBody = async (
    req: restify.Request,
  ): Promise<{ ok: true; value: unknown } | { ok: false; reply: Reply }> => {
    // Only PUTs carry a body; the POSTs (accept, remind, compile) are bare commands.
    if (req.method !== "PUT") return { ok: true, value: undefined };
    const body = await readJsonBody(req, TAB_BODY_MAX_BYTES);
    return body.ok
      ? { ok: true, value: body.value }
      : {
          ok: false,
          reply: {
            status: body.status,
            body: { ok: false, message: `The request was not understood: ${body.problem}.` },
          },
        };
  };

  const answer =
    (handle: (req: restify.Request) => Promise<Reply>) => async (req: restify.Request, res: restify.Response) => {
      const reply = await handle(req);
      res.json(reply.status, reply.body);
    };

  return {
    identify,
    areaRoute: (operation, handler) =>
      answer(async (req) => {
        const who = await identify(req);
        if (!who.ok) return who.reply;
        const areaNumber = areaParamSchema.safeParse(paramsOf(req)["area"]);
        const area = areaNumber.success ? findArea(services.framework, areaNumber.data) : undefined;
        if (!area) return { status: 404, body: { message: "There is no such area." } };
        const stored = await services.storage.assignments.get(
          (await getCurrentAssessment(services, who.identity.tenantId)).id,
          area.number,
        );
        if (!stored)
          return { status: 404, body: { message: `Area ${area.number} has no working group at the moment.` } };
        const checker = new TabAccess(services, who.identity);
        const access = await checker.forArea(stored.value, operation);
        if (!isAllowed(operation, access.roles))
          return access.membership === "unavailable"
            ? {
                status: 503,
                body: {
                  message: "Teams did not confirm your membership of the group just now. Please try again in a minute.",
                },
              }
            : { status: 403, body: { message: `Only ${whoMay(operation)} for area ${area.number} can do this.` } };
        const body = await readBody(req);
        if (!body.ok) return body.reply;
        return handler({
          identity: who.identity,
          assignment: stored.value,
          area,
          access,
          checker,
          params: paramsOf(req),
          body: body.value,
        });
      }),
    assessmentRoute: (operation, handler) =>
      answer(async (req) => {
        const who = await identify(req);
        if (!who.ok) return who.reply;
        if (!isAllowed(operation, new TabAccess(services, who.identity).overall()))
          return { status: 403, body: { message: `Only ${whoMay(operation)} can do this.` } };
        const body = await readBody(req);
        if (!body.ok) return body.reply;
        return handler({ identity: who.identity, params: paramsOf(req), body: body.value });
      }),
  };
}
