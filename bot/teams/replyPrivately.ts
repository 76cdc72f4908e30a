import type { TurnContext } from "botbuilder";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import { replyWithCard, replyWithNotice } from "./replies";
import { sendToPersonalChat, type PersonalChatPorts } from "./sendToPersonalChat";
import type { TurnCaller } from "./turnCaller";

/**
 * Answers with a card only the caller should see (personal data, download links): in place in a
 * personal chat; from a channel or group chat, in the caller's 1:1 chat, and the conversation they
 * typed in learns only where to look. If that chat can't be reached, nothing is posted publicly.
 */
export async function replyPrivately(
  turn: TurnContext,
  services: PersonalChatPorts,
  caller: TurnCaller,
  card: AdaptiveCard,
  what: string,
): Promise<void> {
  if (caller.conversationType === "personal") {
    await replyWithCard(turn, card);
    return;
  }
  const sent = await sendToPersonalChat(services, caller, card);
  await replyWithNotice(
    turn,
    sent.kind === "sent"
      ? {
          title: `${what} sent to your personal chat`,
          lines: ["It is in your 1:1 chat with me, not here."],
          tone: "good",
        }
      : {
          title: "I couldn't reach your personal chat",
          lines: ["Nothing was posted here. Type the same command in your 1:1 chat with me."],
          tone: "warning",
        },
  );
}
