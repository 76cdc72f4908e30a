import type { TableClient, TableEntityResult } from "@azure/data-tables";

/** The table's first row as stored, or undefined when it is empty (iterator.next() would type it as any). */
export async function firstEntity(
  client: TableClient,
): Promise<TableEntityResult<Record<string, unknown>> | undefined> {
  for await (const entity of client.listEntities()) return entity;
  return undefined;
}
