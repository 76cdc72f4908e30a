import { z } from "zod";
import { TABLE_NAMES, type TableId } from "../tableNames";

/**
 * The on-disk shape of a table backup: a folder with `manifest.json` and one JSON-lines file per
 * table. Each line is one entity: its keys and every property with its Edm type, so Int64, DateTime,
 * Binary and Guid values come back as what they were. The service's Timestamp and eTag are not
 * kept: Azure sets them on every write.
 */
export const BACKUP_FORMAT = "care-leavers-self-assessment/table-backup";
export const MANIFEST_FILE = "manifest.json";

const EDM_TYPES = ["Binary", "Boolean", "DateTime", "Double", "Guid", "Int32", "Int64", "String"] as const;

export const backupEntitySchema = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  properties: z.record(z.string(), z.object({ type: z.enum(EDM_TYPES), value: z.string() })),
});
export type BackupEntity = z.infer<typeof backupEntitySchema>;

const tableIds = Object.keys(TABLE_NAMES) as [TableId, ...TableId[]];

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  createdAt: z.string(),
  /** The prefix the tables had where they were exported; a restore may use another. */
  tablePrefix: z.string(),
  tables: z.array(
    z.object({
      table: z.enum(tableIds),
      file: z.string().regex(/^[A-Za-z]+\.jsonl$/),
      entities: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;
