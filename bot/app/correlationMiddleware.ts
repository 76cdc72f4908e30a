import { randomUUID } from "node:crypto";
import type { Middleware, TurnContext } from "botbuilder";
import type { AppLogger } from "../logging/logger";
import { receivedActivity } from "../teams/receivedActivity";

const LOGGER_KEY = Symbol("turnLogger");

/**
 * Gives every activity a correlation id and logs its shape — type, invoke name, verb, command
 * word — never its text, names or card inputs (answers can name young people). One line per
 * activity, written when the turn ends (as pino-http does per request), with how long it took and
 * whether it threw; a turn that throws also gets the adapter's "turn failed" line, with the error.
 */
export function correlationMiddleware(logger: AppLogger): Middleware {
  return {
    async onTurn(turn: TurnContext, next: () => Promise<void>): Promise<void> {
      const correlationId = turn.activity.id || randomUUID();
      const log = logger.child({ correlationId });
      turn.turnState.set(LOGGER_KEY, log);
      const started = Date.now();
      let failed = false;
      try {
        await next();
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        log.info(
          {
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
 * adapter's "turn failed" — can be found together. `fallback` serves turns the middleware never saw.
 */
export function turnLogger(turn: TurnContext, fallback: AppLogger): AppLogger {
  return turn.turnState.get<AppLogger | undefined>(LOGGER_KEY) ?? fallback;
}

function readVerb(value: unknown): string | undefined {
  const verb = (value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === "string" ? verb.slice(0, 64) : undefined;
}
