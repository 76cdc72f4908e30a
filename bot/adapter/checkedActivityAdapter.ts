import { type Activity, CloudAdapter, type InvokeResponse, type TurnContext } from "botbuilder";
// Not re-exported from the package index; the same function CloudAdapter.process applies to a parsed body.
import { validateAndFixActivity } from "botbuilder/lib/activityValidator";

/**
 * CloudAdapter for activities our HTTP layer has already read and checked (bot/http/messagesEndpoint.ts).
 * CloudAdapter.process() expects a body parser before it, answers `{}` with a 500 and console.error()s
 * a multi-line stack for every refused token; here the turn's errors go back to the caller, which
 * answers them and logs one line.
 */
export class CheckedActivityAdapter extends CloudAdapter {
  async processCheckedActivity(
    authHeader: string,
    activity: Record<string, unknown>,
    logic: (turn: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, validateAndFixActivity(activity as unknown as Activity), logic);
  }
}
