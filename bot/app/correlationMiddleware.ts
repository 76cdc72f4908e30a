import { randomUUID } from "node:crypto";
import type { Middleware, TurnContext } from "botbuilder";
import type { AppLogger } from "../logging/logger";

export const LOGGER_KEY = Symbol("turnLogger");

/**
 * Gives every activity a correlation id and logs its shape — type, invoke name, verb, command
 * word — never its text, names or card inputs (answers can name young people).
 */
export function correlationMiddleware(logger: AppLogger): Middleware {
  return {
    async onTurn(turn: TurnContext, next: () => Promise<void>): Promise<void> {
      const correlationId = turn.activity.id || randomUUID();
      const turnLogger = logger.child({ correlationId });
      turn.turnState.set(LOGGER_KEY, turnLogger);
      const started = Date.now();
      turnLogger.info({ activityType: turn.activity.type, invokeName: turn.activity.name, verb: readVerb(turn.activity.value), conversationType: turn.activity.conversation?.conversationType }, "activity received");
      await next();
      turnLogger.info({ ms: Date.now() - started }, "activity handled");
    },
  };
}

function readVerb(value: unknown): string | undefined {
  const verb = (value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === "string" ? verb.slice(0, 64) : undefined;
}
