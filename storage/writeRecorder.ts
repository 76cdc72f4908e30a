import type { EntityToWrite } from "./entityLimits";

/** What one accepted write left in a table: the entity's whole new state, or its absence. */
export type JournalEntry =
  | { table: string; op: "put"; entity: EntityToWrite }
  | { table: string; op: "delete"; partitionKey: string; rowKey: string };

/**
 * Where EntityTable reports the writes storage accepted. With Azure Storage nothing needs to be
 * recorded (Azure acknowledges durable writes); the embedded default records them in its write-ahead
 * journal (writeJournal.ts) before the write's promise resolves.
 */
export interface WriteRecorder {
  /** Runs `write`; when it succeeds, records `entries` (a transaction's several, as one) before resolving. */
  record<R>(write: () => Promise<R>, entries: readonly JournalEntry[]): Promise<R>;
}

/** Azure Storage: its acknowledgement is the durability. */
export const UNRECORDED: WriteRecorder = {
  record: (write) => write(),
};
