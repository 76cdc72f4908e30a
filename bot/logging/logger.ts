import pino, { type Logger } from "pino";

/**
 * Structured JSON logs. Evidence, ideas, names and tokens are personal data or secrets: they never
 * belong in a log line. We log ids and outcomes only, and redact the usual carriers defensively
 * in case a whole object slips into a call.
 */
export const REDACTED_PATHS = [
  "evidence",
  "ideas",
  "rationale",
  "name",
  "text",
  "value",
  "token",
  "password",
  "appPassword",
  "*.headers.authorization",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "req.headers.authorization",
  "*.password",
  "*.appPassword",
  "*.token",
  "*.evidence",
  "*.ideas",
  "*.rationale",
  "*.name",
  "*.text",
  "*.from.name",
  "*.recipient.name",
  "*.value",
];

export type AppLogger = Logger;

const CENSOR = "[redacted]";

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): AppLogger {
  return pino(
    {
      level: options.level,
      base: { service: "self-assessment-bot" },
      redact: { paths: REDACTED_PATHS, censor: CENSOR },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

/**
 * A logger for lines whose fields are all scalars the caller picked (the per-activity line): it
 * redacts the exact paths only. The `*.` paths make @pinojs/redact copy every line it writes,
 * ~18 µs a line against ~3 µs (measured with pino 10.4), and such a line has nothing nested for
 * them to find.
 */
export function flatLineLogger(logger: AppLogger): AppLogger {
  return logger.child({}, { redact: { paths: REDACTED_PATHS.filter((path) => !path.includes("*")), censor: CENSOR } });
}
