import { CardFactory, MessageFactory, type TurnContext } from "botbuilder";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import { buildNoticeCard, type NoticeCardData } from "../../cards/noticeCard";

export async function replyWithCard(turn: TurnContext, card: AdaptiveCard): Promise<void> {
  await turn.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

export async function replyWithNotice(turn: TurnContext, notice: NoticeCardData): Promise<void> {
  await replyWithCard(turn, buildNoticeCard(notice));
}

export function refusal(operationSentence: string, whoMay: string): NoticeCardData {
  return {
    title: "Sorry, you can't do that here",
    lines: [`Only ${whoMay} can ${operationSentence}.`],
    tone: "warning",
  };
}
