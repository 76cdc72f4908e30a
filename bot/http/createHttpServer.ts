import * as restify from "restify";
import type { CloudAdapter } from "botbuilder";
import type { ActivityHandlerBase } from "botbuilder";
import type { AppLogger } from "../logging/logger";

export interface HttpServerOptions {
  adapter: CloudAdapter;
  bot: ActivityHandlerBase;
  health: () => Promise<{ ok: boolean; detail: string }>;
  logger: AppLogger;
  extraRoutes?: ReadonlyArray<(server: restify.Server) => void>;
}

/**
 * The bot's HTTP surface: POST /api/messages for Teams (through CloudAdapter, which authenticates
 * the request) and GET /healthz for load balancers and the container healthcheck.
 */
export function createHttpServer(options: HttpServerOptions): restify.Server {
  const server = restify.createServer({ name: "self-assessment-bot", handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
  server.post("/api/messages", async (req, res) => {
    await options.adapter.process(req, res, (turn) => options.bot.run(turn));
  });
  server.get("/healthz", async (_req, res) => {
    const storage = await options.health();
    res.json(storage.ok ? 200 : 503, { status: storage.ok ? "ok" : "degraded", storage: storage.ok ? "up" : "down", detail: storage.detail });
  });
  for (const addRoutes of options.extraRoutes ?? []) addRoutes(server);
  server.on("restifyError", (req, _res, err, callback) => {
    // The route, not the path: a download path carries its signed token, which must not reach the logs.
    options.logger.warn({ route: req.getRoute()?.path ?? "unmatched", status: (err as { statusCode?: number }).statusCode }, "http error");
    return callback();
  });
  return server;
}
