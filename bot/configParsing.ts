import { z } from "zod";

/**
 * The pieces both configurations parse with: bot/config.ts (the running bot) and
 * bot/configAppPackage.ts (`npm run package`). One set, so a blank value, a GUID or an error line
 * means the same in both.
 */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Unset and blank mean the same: an empty line in an env file should not count as a value. */
export const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

export const commaList = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

export const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const httpsUrl = z.string().refine(isHttpsUrl, "must be an https:// URL such as https://bot.example.org");

function isHttpsUrl(value: string): boolean {
  return URL.canParse(value) && new URL(value).protocol === "https:";
}

/** Parses the environment with the schema; a bad value throws a ConfigError whose one-line message names each variable. */
export function parseEnvironment<Schema extends z.ZodType>(
  schema: Schema,
  source: Record<string, string | undefined>,
): z.infer<Schema> {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join(".") || "environment"} ${describeIssue(issue)}`,
  );
  throw new ConfigError(`Configuration error: ${problems.join("; ")}`);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const message = issue.message.replace(/\s+/g, " ");
  return issue.code === "custom" || message.startsWith("must") || message.startsWith("is ")
    ? message
    : `is invalid: ${message}`;
}
