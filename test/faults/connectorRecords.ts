import { cardsOf, type ConnectorStandIn } from "../../simulator/teams/connectorStandIn";
import { cardTexts } from "../support/groupScenario";

/** "intro", a statement id or "global" for each statement-area card the stand-in received, with its channel. */
export function postedAreaCards(connector: ConnectorStandIn): Array<{ channelId: string; key: string }> {
  return connector.recorded
    .filter((entry) => entry.kind === "create")
    .map((entry) => {
      const text = JSON.stringify(cardsOf(entry.activity)[0] ?? {});
      const key =
        /"statementId":"([0-9]+[a-z]|global)"/.exec(text)?.[1] ?? (text.includes("What to do") ? "intro" : "other");
      return { channelId: entry.conversationId.split(";")[0] ?? "", key };
    });
}

/** The texts of each notice card sent since `from` (an index into `recorded`) whose texts match `title`. */
export function noticesSince(connector: ConnectorStandIn, from: number, title: RegExp): string[][] {
  return connector.recorded
    .slice(from)
    .filter((entry) => entry.kind === "send")
    .flatMap((entry) => cardsOf(entry.activity).map(cardTexts))
    .filter((texts) => texts.some((text) => title.test(text)));
}
