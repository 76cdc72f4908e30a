import { z } from "zod";
import packageJson from "../package.json";
import { ConfigError } from "./config";

/**
 * The variables only `npm run package` reads (the Teams app package), parsed in one place like
 * bot/config.ts. The running bot never needs them, so they live apart from its configuration.
 */
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Teams accepts only major.minor.patch here: a pre-release suffix fails its upload check. */
const appVersion = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** Unset and blank mean the same: an empty line in an env file should not count as a value. */
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

const httpsUrl = z.string().refine(isHttpsUrl, "must be an https:// URL such as https://bot.example.org");

const envSchema = z
  .object({
    MicrosoftAppId: optionalText.pipe(
      z.string({ error: "is required: the bot's app id (the managed identity's client id, or the app registration's id)" }).regex(guid, "must be a GUID (the bot's app id)"),
    ),
    TEAMS_APP_ID: optionalText.pipe(z.string().regex(guid, "must be a GUID (leave it unset to reuse MicrosoftAppId)").optional()),
    PUBLIC_BASE_URL: optionalText.pipe(z.string({ error: "is required: the bot's public https address, such as https://bot.example.org" }).pipe(httpsUrl)),
    APP_VERSION: optionalText.pipe(z.string().regex(appVersion, "must be a version like 1.4.2 (major.minor.patch, no suffix)").optional()),
    APP_SHORT_NAME: optionalText.pipe(z.string().max(30, "must be at most 30 characters (Teams shows it under the icon)").optional()),
    APP_DEVELOPER_NAME: optionalText.pipe(z.string().max(32, "must be at most 32 characters").optional()),
    APP_WEBSITE_URL: optionalText.pipe(httpsUrl.optional()),
    APP_PRIVACY_URL: optionalText.pipe(httpsUrl.optional()),
    APP_TERMS_URL: optionalText.pipe(httpsUrl.optional()),
  })
  .superRefine((env, ctx) => {
    // Zod runs this even when PUBLIC_BASE_URL itself failed, so the URL may not parse here.
    const hostname = URL.canParse(env.PUBLIC_BASE_URL) ? new URL(env.PUBLIC_BASE_URL).hostname : "";
    if (!env.APP_DEVELOPER_NAME && hostname.length > 32) {
      ctx.addIssue({ code: "custom", path: ["APP_DEVELOPER_NAME"], message: "is required when the PUBLIC_BASE_URL host is longer than 32 characters (Teams' limit for the developer name)" });
    }
  });

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

export interface AppPackageConfig {
  botAppId: string;
  /** The Teams app's own id; the bot's id unless TEAMS_APP_ID says otherwise. */
  teamsAppId: string;
  version: string;
  shortName: string;
  /** Without a trailing slash. */
  publicBaseUrl: string;
  publicHostname: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
}

export const DEFAULT_APP_SHORT_NAME = "Self-Assessment";

/** Parses the environment; a bad value throws a ConfigError whose one-line message names the variable. */
export function loadAppPackageConfig(source: Record<string, string | undefined>): AppPackageConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${describeIssue(issue)}`);
    throw new ConfigError(`Configuration error: ${problems.join("; ")}`);
  }
  const env = parsed.data;
  const publicBaseUrl = env.PUBLIC_BASE_URL.replace(/\/+$/, "");
  const publicHostname = new URL(publicBaseUrl).hostname;
  return {
    botAppId: env.MicrosoftAppId.toLowerCase(),
    teamsAppId: (env.TEAMS_APP_ID ?? env.MicrosoftAppId).toLowerCase(),
    version: env.APP_VERSION ?? packageJson.version,
    shortName: env.APP_SHORT_NAME ?? DEFAULT_APP_SHORT_NAME,
    publicBaseUrl,
    publicHostname,
    developer: {
      name: env.APP_DEVELOPER_NAME ?? publicHostname,
      websiteUrl: env.APP_WEBSITE_URL ?? publicBaseUrl,
      privacyUrl: env.APP_PRIVACY_URL ?? `${publicBaseUrl}/privacy`,
      termsOfUseUrl: env.APP_TERMS_URL ?? `${publicBaseUrl}/terms`,
    },
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const message = issue.message.replace(/\s+/g, " ");
  return issue.code === "custom" || message.startsWith("must") || message.startsWith("is ") ? message : `is invalid: ${message}`;
}
