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
  /** Runs `write`; when it succeeds, records `entryOf(result)` (undefined: nothing changed) before resolving. */
  record<R>(write: () => Promise<R>, entryOf: (result: R) => JournalEntry | undefined): Promise<R>;
  /**
   * The writes inside `writes` are recorded as one: after a crash all of them are there or none
   * (an answer and its audit entry). Writes that storage accepted are recorded even when a later
   * one fails, so what survives a crash is what the bot was serving.
   */
  together<T>(writes: () => Promise<T>): Promise<T>;
}

/** Azure Storage: its acknowledgement is the durability. */
export const UNRECORDED: WriteRecorder = {
  record: (write) => write(),
  together: (writes) => writes(),
};
