import { odata } from "@azure/data-tables";

/**
 * The queries repositories need: inside one partition, or a range of partitions (an assessment's
 * areas, for the answers' audit entries), so no query scans a whole table.
 */
export interface EntityQuery {
  partitionKey: string | { from: string; to: string };
  /** RowKey in [from, to), e.g. keyPrefixRange("s") for every answer of an area. */
  rowKeyRange?: { from: string; to: string };
  /** An equality on one index column inside the partition. */
  where?: { column: string; equals: string };
}

/** Column names are our own constants; the check keeps a typo from becoming an OData injection. */
const COLUMN_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** Values are quoted and escaped by the SDK's odata tag; never concatenated. */
export function buildEntityFilter(query: EntityQuery): string {
  const { partitionKey } = query;
  const conditions =
    typeof partitionKey === "string"
      ? [odata`PartitionKey eq ${partitionKey}`]
      : [odata`PartitionKey ge ${partitionKey.from}`, odata`PartitionKey lt ${partitionKey.to}`];
  if (query.rowKeyRange !== undefined) {
    conditions.push(odata`RowKey ge ${query.rowKeyRange.from}`, odata`RowKey lt ${query.rowKeyRange.to}`);
  }
  if (query.where !== undefined) {
    if (!COLUMN_NAME.test(query.where.column)) throw new Error(`"${query.where.column}" is not a column name`);
    conditions.push(`${query.where.column} ${odata`eq ${query.where.equals}`}`);
  }
  return conditions.join(" and ");
}
