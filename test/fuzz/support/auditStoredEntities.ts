import type { TableEntityResult } from "@azure/data-tables";
import { mappingCodec, type EntityCodec } from "../../../storage/entityMapping";
import { createTableClients } from "../../../storage/tableClientFactory";
import { TABLE_NAMES, type TableId } from "../../../storage/tableNames";
import { splitKey } from "../../../storage/tableKeys";
import { stateCodec } from "../../../storage/stateCodec";
import { actionItemAuditMapping, actionItemMapping } from "../../../storage/mappings/actionItemMapping";
import { assessmentMapping } from "../../../storage/mappings/assessmentMapping";
import { assignmentMapping } from "../../../storage/mappings/assignmentMapping";
import { answerAuditMapping } from "../../../storage/mappings/answerAuditMapping";
import { auditMapping } from "../../../storage/mappings/auditMapping";
import { conversationMapping } from "../../../storage/mappings/conversationMapping";
import { deliveryMapping } from "../../../storage/mappings/deliveryMapping";
import {
  decisionAuditMapping,
  decisionMapping,
  globalDecisionMapping,
} from "../../../storage/mappings/moderationMappings";
import { postedCardMapping } from "../../../storage/mappings/postedCardMapping";
import { storedAnswerMapping, storedGlobalScoreMapping } from "../../../storage/mappings/responseMappings";
import type { CompiledFileRepository } from "../../../storage/repositories/compiledFileRepository";

/**
 * Reads EVERY entity of every table under one table prefix straight from Azure Tables (no
 * repository in between) and checks each with the storage's own codecs: the domain's zod schema
 * must accept it, and its PartitionKey/RowKey must be exactly the keys the codec derives from the
 * value (so key escaping round-trips); answers and global scores with their audit trails. Compiled
 * files are checked by reading them back whole.
 */
export interface EntityAuditResult {
  /** Entities read, per table. */
  counts: Record<TableId, number>;
  /** One line per malformed entity: table, keys and what is wrong. */
  problems: string[];
}

type AnyCodec = EntityCodec<object>;

/** Which codec reads a row: tables holding two kinds of rows tell them apart by the RowKey's first part. */
function codecFor(table: Exclude<TableId, "compiledFiles">, rowKey: string): AnyCodec {
  const kind = rowKey.split("|")[0];
  const codecs: Record<Exclude<TableId, "compiledFiles">, () => AnyCodec> = {
    assessments: () => mappingCodec(assessmentMapping),
    assignments: () => mappingCodec(assignmentMapping),
    responses: () =>
      kind === "g"
        ? mappingCodec(storedGlobalScoreMapping)
        : kind === "a"
          ? mappingCodec(answerAuditMapping)
          : mappingCodec(storedAnswerMapping),
    moderation: () =>
      kind === "g"
        ? mappingCodec(globalDecisionMapping)
        : kind === "a"
          ? mappingCodec(decisionAuditMapping)
          : mappingCodec(decisionMapping),
    actionPlan: () => (kind === "a" ? mappingCodec(actionItemAuditMapping) : mappingCodec(actionItemMapping)),
    audit: () => mappingCodec(auditMapping),
    postedCards: () => mappingCodec(postedCardMapping),
    conversations: () => mappingCodec(conversationMapping),
    deliveries: () => mappingCodec(deliveryMapping),
    botState: () => stateCodec,
  };
  return codecs[table]();
}

function checkEntity(
  table: Exclude<TableId, "compiledFiles">,
  tableName: string,
  entity: TableEntityResult<Record<string, unknown>>,
): string | undefined {
  const where = `${tableName} ${JSON.stringify(entity.partitionKey)} / ${JSON.stringify(entity.rowKey)}`;
  try {
    const partitionKey = entity.partitionKey ?? "";
    const rowKey = entity.rowKey ?? "";
    if (table !== "botState") [partitionKey, rowKey].forEach(splitKey);
    const codec = codecFor(table, rowKey);
    const value = codec.fromEntity({ table: tableName, partitionKey, rowKey }, entity);
    const keys = codec.keysOf(value);
    if (keys.partitionKey !== partitionKey || keys.rowKey !== rowKey)
      return `${where}: stored under other keys than its value derives (${JSON.stringify(keys)})`;
    return undefined;
  } catch (error) {
    return `${where}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export async function auditStoredEntities(options: {
  connectionString: string;
  tablePrefix: string;
  compiledFiles: CompiledFileRepository;
}): Promise<EntityAuditResult> {
  const clients = createTableClients({ connectionString: options.connectionString, tablePrefix: options.tablePrefix });
  const counts = Object.fromEntries(Object.keys(TABLE_NAMES).map((id) => [id, 0])) as Record<TableId, number>;
  const problems: string[] = [];
  for (const table of Object.keys(TABLE_NAMES) as TableId[]) {
    const client = clients[table];
    const filePartitions = new Set<string>();
    for await (const entity of client.listEntities()) {
      counts[table] += 1;
      if (table === "compiledFiles") {
        filePartitions.add(entity.partitionKey ?? "");
        continue;
      }
      const problem = checkEntity(table, client.tableName, entity);
      if (problem) problems.push(problem);
    }
    for (const fileId of filePartitions) {
      const file = await options.compiledFiles.get(fileId).catch((error: unknown) => error);
      if (!file || file instanceof Error)
        problems.push(
          `${client.tableName} ${fileId}: not a complete compiled file (${file instanceof Error ? file.message : "no header"})`,
        );
    }
  }
  return { counts, problems };
}
