import { existsSync } from "node:fs";
import { z } from "zod";
import { Cron } from "croner";
import { isTimeZone } from "../assessment/time/isTimeZone";
import { consensusEnvShape, consensusThresholdsFromEnv } from "./configConsensus";
import { commaList, guid, optionalText, parseEnvironment } from "./configParsing";

export { ConfigError } from "./configParsing";

/**
 * Every environment variable the bot reads, parsed in one place. Nothing else touches process.env.
 * Names of the Bot Framework variables follow botbuilder's own (MicrosoftAppId, …) so the Azure
 * Bot resource's usual app settings work unchanged.
 */
const envSchema = z
  .object({
    MicrosoftAppId: optionalText.pipe(
      z.string().regex(guid, "must be a GUID (the bot's app registration id)").optional(),
    ),
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(["SingleTenant", "UserAssignedMSI", "MultiTenant"]).default("SingleTenant"),
    MicrosoftAppTenantId: optionalText.pipe(
      z.string().regex(guid, "must be a GUID (your Microsoft Entra tenant id)").optional(),
    ),
    TABLES_CONNECTION_STRING: optionalText,
    TABLE_NAME_PREFIX: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/, "letters and digits only, starting with a letter, at most 21")
      .default("sa"),
    AZURITE_LOCATION: z.string().min(1).default(".data/azurite"),
    AZURITE_PORT: z.coerce.number().int().min(0).max(65535).default(10002),
    PORT: z.coerce
      .number()
      .int()
      .min(0, "must be a port number 1–65535 (0 picks a free one)")
      .max(65535, "must be a port number 1–65535")
      .default(3978),
    HOST: optionalText,
    COORDINATOR_AAD_IDS: commaList.pipe(
      z.array(z.string().regex(guid, "each coordinator must be an AAD object id (a GUID)")),
    ),
    FRAMEWORK_FILE: optionalText,
    PUBLIC_BASE_URL: optionalText.pipe(z.url("must be an absolute URL such as https://bot.example.org").optional()),
    DOWNLOAD_LINK_SECRET: optionalText.pipe(
      z.string().min(32, "must be at least 32 characters of random text").optional(),
    ),
    DOWNLOAD_LINK_TTL_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(60),
    DEFAULT_TIME_ZONE: z
      .string()
      .refine(isTimeZone, "must be an IANA time zone such as Europe/London")
      .default("Europe/London"),
    DIGEST_SCHEDULE: z
      .string()
      .min(1)
      .refine(
        (value) => value === "off" || isCronPattern(value),
        "must be a cron pattern such as 0 9 * * 1-5 (weekdays at 9:00), or off",
      )
      .default("0 9 * * 1-5"),
    RETENTION_MONTHS: z.coerce.number().int().min(0).max(120).default(0),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,
    ...consensusEnvShape,
    PROTECTIVE_MARKING: z
      .string()
      .trim()
      .min(1, "must not be blank (the default is OFFICIAL)")
      .max(60, "must be at most 60 characters, such as OFFICIAL or OFFICIAL-SENSITIVE")
      .default("OFFICIAL"),
  })
  .superRefine((env, ctx) => {
    // App Service passes a Key Vault reference through unresolved when it can't read the vault:
    // never accept that text as a secret or connection string.
    for (const [key, value] of Object.entries(env)) {
      if (typeof value === "string" && value.startsWith("@Microsoft.KeyVault(")) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "is an unresolved Key Vault reference: check the app's identity can read the vault",
        });
      }
    }
    if (env.MicrosoftAppId && env.MicrosoftAppType !== "UserAssignedMSI" && !env.MicrosoftAppPassword) {
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppPassword"],
        message: "is required when MicrosoftAppId is set (unless MicrosoftAppType=UserAssignedMSI)",
      });
    }
    if (env.MicrosoftAppId && env.MicrosoftAppType !== "MultiTenant" && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppTenantId"],
        message: `is required when MicrosoftAppType=${env.MicrosoftAppType}`,
      });
    }
  });

function isCronPattern(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

export type Env = z.infer<typeof envSchema>;

export interface BotConfig {
  /** Undefined in local use: then no JWT authentication (the log says so at start). */
  botAuth?: { appId: string; appPassword?: string; appType: Env["MicrosoftAppType"]; tenantId?: string };
  storage:
    | { kind: "connectionString"; connectionString: string; tablePrefix: string }
    | { kind: "embeddedAzurite"; location: string; port: number; tablePrefix: string };
  /**
   * Where to listen. Without HOST: 127.0.0.1 while authentication is off (local mode is local),
   * all interfaces with it (App Service and containers reach the bot from outside).
   */
  http: { port: number; host: string };
  coordinatorAadIds: readonly string[];
  frameworkFile?: string;
  publicBaseUrl?: string;
  downloadLinks: { secret?: string; ttlMinutes: number };
  defaultTimeZone: string;
  /** Cron pattern for scheduled digests; undefined when DIGEST_SCHEDULE=off (only the `digest` command sends them). */
  digestSchedule: string | undefined;
  retentionMonths: number;
  logLevel: Env["LOG_LEVEL"];
  applicationInsightsConnectionString?: string;
  consensus: ReturnType<typeof consensusThresholdsFromEnv>;
  /** How the Teams tab knows who is calling (see tabSignInFrom). */
  tabSignIn: TabSignInConfig;
  /** The protective marking printed on the cover, and in the footer of every page, of the compiled documents. */
  protectiveMarking: string;
}

/**
 * The tab's sign-in: Teams SSO tokens when the bot has an app registration; the dev identity
 * (`?devUser=`) only with no registration and only while listening on loopback; otherwise none.
 */
export type TabSignInConfig =
  { kind: "sso"; tenantId: string; audiences: string[] } | { kind: "dev" } | { kind: "off"; reason: string };

/**
 * The process environment, with `.env` from the working directory added first when there is one
 * (`npm start` after copying .env.example). Variables already set win over the file, so App
 * Service settings and a shell's exports are never overridden by a stray file.
 */
export function readEnvironment(envFile = ".env"): Record<string, string | undefined> {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return process.env;
}

/** Parses the environment; a bad value throws a ConfigError whose one-line message names the variable. */
export function loadConfig(source: Record<string, string | undefined>): BotConfig {
  return toBotConfig(parseEnvironment(envSchema, source));
}

function toBotConfig(env: Env): BotConfig {
  return {
    botAuth: env.MicrosoftAppId
      ? {
          appId: env.MicrosoftAppId,
          appPassword: env.MicrosoftAppPassword,
          appType: env.MicrosoftAppType,
          tenantId: env.MicrosoftAppTenantId,
        }
      : undefined,
    storage: env.TABLES_CONNECTION_STRING
      ? { kind: "connectionString", connectionString: env.TABLES_CONNECTION_STRING, tablePrefix: env.TABLE_NAME_PREFIX }
      : {
          kind: "embeddedAzurite",
          location: env.AZURITE_LOCATION,
          port: env.AZURITE_PORT,
          tablePrefix: env.TABLE_NAME_PREFIX,
        },
    http: { port: env.PORT, host: env.HOST ?? (env.MicrosoftAppId ? "0.0.0.0" : "127.0.0.1") },
    coordinatorAadIds: env.COORDINATOR_AAD_IDS.map((id) => id.toLowerCase()),
    frameworkFile: env.FRAMEWORK_FILE,
    publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/+$/, ""),
    downloadLinks: { secret: env.DOWNLOAD_LINK_SECRET, ttlMinutes: env.DOWNLOAD_LINK_TTL_MINUTES },
    defaultTimeZone: env.DEFAULT_TIME_ZONE,
    digestSchedule: env.DIGEST_SCHEDULE === "off" ? undefined : env.DIGEST_SCHEDULE,
    retentionMonths: env.RETENTION_MONTHS,
    logLevel: env.LOG_LEVEL,
    applicationInsightsConnectionString: env.APPLICATIONINSIGHTS_CONNECTION_STRING,
    consensus: consensusThresholdsFromEnv(env),
    tabSignIn: tabSignInFrom(env),
    protectiveMarking: env.PROTECTIVE_MARKING,
  };
}

function tabSignInFrom(env: Env): TabSignInConfig {
  if (env.MicrosoftAppId) {
    if (!env.MicrosoftAppTenantId)
      return {
        kind: "off",
        reason: "Teams sign-in for the tab needs MicrosoftAppTenantId (the tenant whose tokens it accepts)",
      };
    // Teams asks Entra for a token whose audience is the Application ID URI api://<host>/<app id>
    // (webApplicationInfo.resource in the manifest); some tokens carry the bare app id instead.
    const host = env.PUBLIC_BASE_URL ? new URL(env.PUBLIC_BASE_URL).host : undefined;
    return {
      kind: "sso",
      tenantId: env.MicrosoftAppTenantId.toLowerCase(),
      audiences: [env.MicrosoftAppId, ...(host ? [`api://${host}/${env.MicrosoftAppId}`] : [])],
    };
  }
  // Without MicrosoftAppId the bot listens on 127.0.0.1 unless HOST says otherwise (toBotConfig).
  return isLoopback(env.HOST ?? "127.0.0.1")
    ? { kind: "dev" }
    : {
        kind: "off",
        reason: "without MicrosoftAppId the tab's dev sign-in works only while HOST is a loopback address",
      };
}

export function isLoopback(address: string): boolean {
  const plain = address.replace(/^::ffff:/, "");
  return plain === "localhost" || plain === "::1" || /^127\.\d+\.\d+\.\d+$/.test(plain);
}
