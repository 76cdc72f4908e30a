import { z } from "zod";
import type * as restify from "restify";
import type { ActivityHandlerBase } from "botbuilder";
import { AuthenticationError } from "botframework-connector";
import type { CheckedActivityAdapter } from "../adapter/checkedActivityAdapter";
import type { AppLogger } from "../logging/logger";
import { errorFields } from "../logging/errorFields";
import { readJsonBody } from "./readJsonBody";
import { isLoopbackServiceUrl } from "./isLoopbackServiceUrl";

export interface MessagesEndpointOptions {
  adapter: CheckedActivityAdapter;
  bot: ActivityHandlerBase;
  logger: AppLogger;
  /** Authentication is off: accept only activities whose replies go to this machine. */
  loopbackServiceUrlsOnly: boolean;
}

/**
 * What every activity Teams sends carries (the Bot Framework Activity schema:
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object);
 * without these the turn cannot be authenticated or answered, so the request is malformed (400).
 */
const activityEnvelopeSchema = z.object({
  type: z.string().min(1).max(64),
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversation: z.object({ id: z.string().min(1) }),
  from: z.object({ id: z.string().min(1) }),
  recipient: z.object({ id: z.string().min(1) }),
});

/**
 * POST /api/messages: read one JSON activity (bot/http/readJsonBody.ts), check its envelope, then
 * authenticate and run the turn. Every outcome is an answer with a status and a fixed text, and
 * one log line with no stack: nothing a client sends can reach the SDK unparsed or end the process.
 */
export function messagesEndpoint(options: MessagesEndpointOptions): restify.RequestHandler {
  const { adapter, bot, logger } = options;
  return async (req: restify.Request, res: restify.Response) => {
    const body = await readJsonBody(req);
    if (!body.ok) {
      refuse(res, logger, body.status, body.problem);
      return;
    }
    const envelope = activityEnvelopeSchema.safeParse(body.value);
    if (!envelope.success) {
      refuse(res, logger, 400, "the body is not a Bot Framework activity");
      return;
    }
    if (options.loopbackServiceUrlsOnly && !isLoopbackServiceUrl(envelope.data.serviceUrl)) {
      refuse(
        res,
        logger,
        403,
        "authentication is off, so only activities from this machine (a loopback serviceUrl) are accepted",
      );
      return;
    }
    const authorization = req.headers.authorization ?? "";
    try {
      const invokeResponse = await adapter.processCheckedActivity(authorization, body.value, (turn) => bot.run(turn));
      res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        refuse(res, logger, 401, "not authenticated");
        return;
      }
      logger.error({ route: "/api/messages", error: errorFields(error, { stack: true }) }, "activity failed");
      res.send(500, { error: "the bot could not handle this activity" });
    }
  };
}

/** A refused request: one log line, and a fixed text that echoes nothing from the request. */
function refuse(res: restify.Response, logger: AppLogger, status: number, problem: string): void {
  logger.warn({ route: "/api/messages", status }, "request refused");
  res.send(status, { error: problem });
}
