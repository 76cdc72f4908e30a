export const BOT_APP_ID = "0b3c6a52-6f1e-4d7a-9a0e-2f5d8c1b7e40";
export const OTHER_TEAMS_APP_ID = "5e2a9d10-3c4b-4f6e-8a7d-1b0c9e8f7a65";

/** A complete, valid packaging environment; each test overrides what it is about. */
export function appPackageEnv(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    MicrosoftAppId: BOT_APP_ID,
    PUBLIC_BASE_URL: "https://sa-bot.example.org",
    APP_WEBSITE_URL: "https://www.anytown.gov.uk",
    APP_PRIVACY_URL: "https://www.anytown.gov.uk/privacy",
    APP_TERMS_URL: "https://www.anytown.gov.uk/terms",
    ...overrides,
  };
}
