import { randomUUID } from "node:crypto";
import type { Middleware, TurnContext } from "botbuilder";
import { flatLineLogger, type AppLogger } from "../logging/logger";
import { receivedActivity } from "../teams/receivedActivity";

const CORRELATION_KEY = Symbol("correlationId");
const LOGGER_KEY = Symbol("turnLogger");

/**
 * Gives every activity a correlation id and logs its shape — type, invoke name, verb, command
 * word — never its text, names or card inputs (answers can name young people). One line per
 * activity, written when the turn ends (as pino-http does per request), with how long it took and
 * whether it threw; a turn that throws also gets the adapter's "turn failed" line, with the error.
 */
export function correlationMiddleware(logger: AppLogger): Middleware {
  const activityLines = flatLineLogger(logger);
  return {
    async onTurn(turn: TurnContext, next: () => Promise<void>): Promise<void> {
      const correlationId = turn.activity.id || randomUUID();
      turn.turnState.set(CORRELATION_KEY, correlationId);
      const started = Date.now();
      let failed = false;
      try {
        await next();
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        activityLines.info(
          {
            correlationId,
            activityType: turn.activity.type,
            invokeName: turn.activity.name,
            verb: readVerb(turn.activity.value),
            conversationType: receivedActivity(turn).conversation?.conversationType,
            ms: Date.now() - started,
            ...(failed ? { failed } : {}),
          },
          "activity handled",
        );
      }
    },
  };
}

/**
 * The logger carrying this turn's correlation id, so every line of a turn — its handlers' and the
 * adapter's "turn failed" — can be found together. Made on first use: most turns log only the
 * middleware's own line. `fallback` serves turns the middleware never saw.
 */
export function turnLogger(turn: TurnContext, fallback: AppLogger): AppLogger {
  const made = turn.turnState.get<AppLogger | undefined>(LOGGER_KEY);
  if (made !== undefined) return made;
  const correlationId = turn.turnState.get<string | undefined>(CORRELATION_KEY);
  if (correlationId === undefined) return fallback;
  const logger = fallback.child({ correlationId });
  turn.turnState.set(LOGGER_KEY, logger);
  return logger;
}

function readVerb(value: unknown): string | undefined {
  const verb = (value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === "string" ? verb.slice(0, 64) : undefined;
}
