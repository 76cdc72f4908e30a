/**
 * What a log line says about an error. Logged under `error` (pino's own `err` serializer would rewrite `type`), the class under `type`, not `name`: `*.name` is
 * redacted everywhere (people's names travel in `name` fields), which also hid every error's class.
 */
export function errorFields(
  error: unknown,
  options: { stack?: boolean } = {},
): { type: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: "a non-Error value was thrown" };
  return { type: error.name, message: error.message, ...(options.stack && error.stack ? { stack: error.stack } : {}) };
}
