import { ConfigurationBotFrameworkAuthentication, type TurnContext } from "botbuilder";
import type { BotConfig } from "../config";
import type { AppLogger } from "../logging/logger";
import { refuseUnauthenticatedWith401 } from "./refuseUnauthenticatedWith401";
import { withoutConnectorClientRetries } from "./withoutConnectorClientRetries";
import { reuseTurnClients } from "./reuseTurnClients";
import { errorFields } from "../logging/errorFields";
import { CheckedActivityAdapter } from "./checkedActivityAdapter";
import { turnLogger } from "../app/correlationMiddleware";

/**
 * The Bot Framework adapter. With an app id configured, every incoming request must carry a valid
 * Bot Framework JWT (others are refused with 401); with none (local use only) requests are
 * not authenticated — the start-up log says which.
 */
export function createAdapter(
  config: BotConfig,
  logger: AppLogger,
  authOverride?: ConfigurationBotFrameworkAuthentication,
): CheckedActivityAdapter {
  const auth =
    authOverride ??
    new ConfigurationBotFrameworkAuthentication(
      config.botAuth
        ? {
            MicrosoftAppId: config.botAuth.appId,
            MicrosoftAppPassword: config.botAuth.appPassword ?? "",
            MicrosoftAppType: config.botAuth.appType,
            MicrosoftAppTenantId: config.botAuth.tenantId ?? "",
          }
        : {},
    );
  const adapter = new CheckedActivityAdapter(
    withoutConnectorClientRetries(reuseTurnClients(refuseUnauthenticatedWith401(auth))),
  );
  adapter.onTurnError = async (turn: TurnContext, error: Error) => {
    turnLogger(turn, logger).error(
      { error: errorFields(error, { stack: true }), activityType: turn.activity.type },
      "turn failed",
    );
    if (turn.activity.type === "message") {
      await turn
        .sendActivity("Sorry — something went wrong on my side and nothing was changed. Please try again in a minute.")
        .catch(() => undefined);
    }
  };
  return adapter;
}
