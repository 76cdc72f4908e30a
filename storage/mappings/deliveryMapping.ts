import type { EntityKeys, EntityMapping } from "../entityMapping";
import { deliverySchema, type Delivery } from "../records/delivery";
import { composeKey } from "../tableKeys";

/** Table Deliveries: PartitionKey = composeKey(kind, runKey) (one run of one message), RowKey = recipient. */
export function deliveryPartition(kind: string, runKey: string): string {
  return composeKey(kind, runKey);
}

export function deliveryKeys(kind: string, runKey: string, recipient: string): EntityKeys {
  return { partitionKey: deliveryPartition(kind, runKey), rowKey: composeKey(recipient) };
}

export const deliveryMapping: EntityMapping<Delivery> = {
  schema: deliverySchema,
  jsonProperties: [],
  keysOf: (delivery) => deliveryKeys(delivery.kind, delivery.runKey, delivery.recipient),
};
