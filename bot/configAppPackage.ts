import { z } from "zod";
import packageJson from "../package.json";
import { guid, httpsUrl, optionalText, parseEnvironment } from "./configParsing";

/** Teams accepts only major.minor.patch here: a pre-release suffix fails its upload check. */
const appVersion = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/**
 * The publisher's pages Teams links from the app's details. Required: the bot serves no such pages,
 * so a default on its own host would be a dead link in the council's app catalogue.
 */
function publisherPage(what: string) {
  return optionalText.pipe(
    z.string({ error: `is required: the https address of the council's ${what}` }).pipe(httpsUrl),
  );
}

/**
 * The variables only `npm run package` reads (the Teams app package), parsed with the same helpers
 * as bot/config.ts. The running bot never needs them, so they live apart from its configuration.
 */
const envSchema = z
  .object({
    MicrosoftAppId: optionalText.pipe(
      z
        .string({
          error: "is required: the bot's app id (the managed identity's client id, or the app registration's id)",
        })
        .regex(guid, "must be a GUID (the bot's app id)"),
    ),
    TEAMS_APP_ID: optionalText.pipe(
      z.string().regex(guid, "must be a GUID (leave it unset to reuse MicrosoftAppId)").optional(),
    ),
    PUBLIC_BASE_URL: optionalText.pipe(
      z
        .string({ error: "is required: the bot's public https address, such as https://bot.example.org" })
        .pipe(httpsUrl),
    ),
    APP_VERSION: optionalText.pipe(
      z.string().regex(appVersion, "must be a version like 1.4.2 (major.minor.patch, no suffix)").optional(),
    ),
    APP_SHORT_NAME: optionalText.pipe(
      z.string().max(30, "must be at most 30 characters (Teams shows it under the icon)").optional(),
    ),
    APP_DEVELOPER_NAME: optionalText.pipe(z.string().max(32, "must be at most 32 characters").optional()),
    APP_WEBSITE_URL: publisherPage("website (its home page, or a page about this service)"),
    APP_PRIVACY_URL: publisherPage("privacy notice covering this bot"),
    APP_TERMS_URL: publisherPage("terms of use for this bot"),
  })
  .superRefine((env, ctx) => {
    // Zod runs this even when PUBLIC_BASE_URL itself failed, so the URL may not parse here.
    const hostname = URL.canParse(env.PUBLIC_BASE_URL) ? new URL(env.PUBLIC_BASE_URL).hostname : "";
    if (!env.APP_DEVELOPER_NAME && hostname.length > 32) {
      ctx.addIssue({
        code: "custom",
        path: ["APP_DEVELOPER_NAME"],
        message:
          "is required when the PUBLIC_BASE_URL host is longer than 32 characters (Teams' limit for the developer name)",
      });
    }
  });

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
  const env = parseEnvironment(envSchema, source);
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
      websiteUrl: env.APP_WEBSITE_URL,
      privacyUrl: env.APP_PRIVACY_URL,
      termsOfUseUrl: env.APP_TERMS_URL,
    },
  };
}
