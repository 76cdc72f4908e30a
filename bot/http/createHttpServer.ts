import { STATUS_CODES } from "node:http";
import * as restify from "restify";
import type { ActivityHandlerBase } from "botbuilder";
import type { CheckedActivityAdapter } from "../adapter/checkedActivityAdapter";
import type { AppLogger } from "../logging/logger";
import { messagesEndpoint } from "./messagesEndpoint";

export interface HttpServerOptions {
  adapter: CheckedActivityAdapter;
  bot: ActivityHandlerBase;
  health: () => Promise<{ ok: boolean; detail: string }>;
  logger: AppLogger;
  /** Authentication is off: accept only activities whose serviceUrl is on this machine. */
  loopbackServiceUrlsOnly: boolean;
  extraRoutes?: ReadonlyArray<(server: restify.Server) => void>;
}

/**
 * The bot's HTTP surface: POST /api/messages for Teams (bot/http/messagesEndpoint.ts reads and checks
 * the body, then CloudAdapter authenticates it) and GET /healthz for load balancers and the container
 * healthcheck. No restify body parser is mounted: its multipart parser writes uploads to the temp
 * folder and its gunzip stream has no error listener, both before authentication.
 */
export function createHttpServer(options: HttpServerOptions): restify.Server {
  const server = restify.createServer({
    name: "self-assessment-bot",
    handleUncaughtExceptions: false,
    log: restifyLogger(options.logger),
  });
  server.post(
    "/api/messages",
    messagesEndpoint({
      adapter: options.adapter,
      bot: options.bot,
      logger: options.logger,
      loopbackServiceUrlsOnly: options.loopbackServiceUrlsOnly,
    }),
  );
  server.get("/healthz", async (_req, res) => {
    const storage = await options.health();
    res.json(storage.ok ? 200 : 503, {
      status: storage.ok ? "ok" : "degraded",
      storage: storage.ok ? "up" : "down",
      detail: storage.detail,
    });
  });
  for (const addRoutes of options.extraRoutes ?? []) addRoutes(server);
  // The emitter types its listeners' arguments as any; restify passes these (its docs' "restifyError" event).
  type RestifyError = Error & { statusCode?: number };
  server.on("restifyError", (req: restify.Request, res: restify.Response, err: RestifyError, callback: () => void) => {
    const status = err.statusCode ?? 500;
    // The route, not the path: a download path carries its signed token, which must not reach the logs.
    // No route matched: getRoute() answers nothing, whatever its type says.
    const route = (req.getRoute() as restify.Route | undefined)?.path;
    options.logger.warn({ route: route ?? "unmatched", status }, "http error");
    // restify's own bodies quote the path ("/DOWNLOADS/<token> does not exist"): answer with the status text only.
    if (!res.headersSent) res.send(status, { error: STATUS_CODES[status] ?? "Error" });
    callback();
  });
  return server;
}

/**
 * restify logs through the pino instance it is given (restify 11's createServer docs: `options.log`, a
 * pino logger, default `pino({ name })` on stdout). Left to its default, its own lines — such as
 * "Discarded returned value from async handler", which logs whatever a route returned, answers and
 * all — would reach stdout past our redaction. Given ours, they are redacted and formatted like every
 * other line. @types/restify still types `log` as bunyan's Logger, hence the cast.
 */
function restifyLogger(logger: AppLogger): restify.ServerOptions["log"] {
  return logger.child({ component: "restify" }) as unknown as restify.ServerOptions["log"];
}
