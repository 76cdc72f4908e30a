import type { AppLogger } from "./logger";

const FIRST_LINE_MAX_CHARS = 200;

/**
 * botframework-connector writes some token refusals straight to the console — an expired token as
 * a whole Error with its stack, a bad signature with the JWKS key's PEM over several lines
 * (jwtTokenExtractor.js) — once per request, unasked. Those calls become one structured warning
 * each here: the first line only (never a stack), cut short. Its messages name no token.
 */
export function routeConsoleToLogger(logger: AppLogger): void {
  const route = (...args: unknown[]) => {
    const first = args[0] instanceof Error ? `${args[0].name}: ${args[0].message}` : String(args[0]);
    logger.warn(
      { consoleFirstLine: first.split("\n")[0]?.slice(0, FIRST_LINE_MAX_CHARS) },
      "a library wrote to the console",
    );
  };
  console.error = route;
  console.warn = route;
}
