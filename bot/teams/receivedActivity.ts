import type { Activity, ChannelAccount, ConversationAccount, TurnContext } from "botbuilder";

/**
 * The incoming activity as a request may really carry it. botbuilder types `from`, `recipient` and `conversation`
 * as always present, but CloudAdapter checks only that the body is an object with a string `type`
 * (validateAndFixActivity in botbuilder/lib/activityValidator.js), so code reading them keeps its checks.
 */
export type ReceivedActivity = Omit<Activity, "from" | "recipient" | "conversation"> & {
  from?: Partial<ChannelAccount>;
  recipient?: Partial<ChannelAccount>;
  conversation?: Partial<ConversationAccount>;
};

export function receivedActivity(turn: TurnContext): ReceivedActivity {
  return turn.activity;
}
