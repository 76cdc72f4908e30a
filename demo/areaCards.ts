import { executeActions } from "../simulator/teams/cardActions";
import type { ConnectorStandIn } from "../simulator/teams/connectorStandIn";
import type { ReceivedCard } from "./teamsDriver";

/**
 * The answer cards `start` posted in the channels, found as Teams shows them: by the data their
 * submit button carries. Keyed `<area>|<statement id>` and `<area>|global`.
 */
export function areaCardsByKey(connector: ConnectorStandIn): Map<string, ReceivedCard> {
  const cards = new Map<string, ReceivedCard>();
  for (const posted of connector.postedCards()) {
    for (const action of executeActions(posted.card)) {
      const area = action.data["areaNumber"];
      if (action.verb === "submitAnswer") cards.set(`${String(area)}|${String(action.data["statementId"])}`, posted);
      if (action.verb === "submitGlobalScore") cards.set(`${String(area)}|global`, posted);
    }
  }
  return cards;
}

/**
 * The cards sent to someone's 1:1 chat whose buttons act on `areaNumber` (e.g. that area's digest
 * pages), of the latest assessment only: a second cycle's digest, not the first's as well.
 */
export function personalCardsForArea(
  connector: ConnectorStandIn,
  teamsUserId: string,
  areaNumber: number,
): ReceivedCard[] {
  const forArea = connector
    .postedCards()
    .filter((posted) => posted.conversationId === `a:personal-${teamsUserId}`)
    .filter((posted) => executeActions(posted.card).some((action) => action.data["areaNumber"] === String(areaNumber)));
  const assessmentOf = (card: Record<string, unknown>) =>
    executeActions(card).find((action) => action.data["assessmentId"] !== undefined)?.data["assessmentId"];
  const latest = forArea.at(-1);
  const current = latest ? assessmentOf(latest.card) : undefined;
  return forArea
    .filter((posted) => assessmentOf(posted.card) === current)
    .map(({ conversationId, card }) => ({ conversationId, card }));
}
