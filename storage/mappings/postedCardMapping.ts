import type { EntityKeys, EntityMapping } from "../entityMapping";
import { postedCardSchema, type PostedCard } from "../records/postedCard";
import { composeKey, padNumber } from "../tableKeys";

/** Table PostedCards: PartitionKey = composeKey(assessment id, padded area), RowKey = card key ("intro", "7a", "global"). */
export function postedCardPartition(assessmentId: string, areaNumber: number): string {
  return composeKey(assessmentId, padNumber(areaNumber));
}

export function postedCardKeys(assessmentId: string, areaNumber: number, cardKey: string): EntityKeys {
  return { partitionKey: postedCardPartition(assessmentId, areaNumber), rowKey: composeKey(cardKey) };
}

export const postedCardMapping: EntityMapping<PostedCard> = {
  schema: postedCardSchema,
  jsonProperties: [],
  keysOf: (card) => postedCardKeys(card.assessmentId, card.areaNumber, card.cardKey),
};
