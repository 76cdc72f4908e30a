import { open, readFile, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { syncPath } from "./syncPath";
import { StorageUnavailableError } from "./storageErrors";
import type { JournalEntry, WriteRecorder } from "./writeRecorder";

export const JOURNAL_FILE = "write-journal.jsonl";

export interface WriteJournalOptions {
  /** The folder of the embedded Azurite database; the journal lives beside it. */
  location: string;
  /** Makes storage save everything it holds to disk (and fsync it); a checkpoint calls it with no write in flight. */
  persist: () => Promise<void>;
  /** Checkpoint once the journal is this big… */
  checkpointBytes?: number;
  /** …or this often while it holds anything. */
  checkpointIntervalMs?: number;
  /** A failed background checkpoint (the journal keeps everything, so nothing is lost; it is retried next time). */
  onCheckpointError: (error: unknown) => void;
}

const DEFAULT_CHECKPOINT_BYTES = 8 * 1024 * 1024;
const DEFAULT_CHECKPOINT_INTERVAL_MS = 5 * 60 * 1000;

interface PendingLine {
  text: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The embedded default's write-ahead journal. Azurite keeps tables in memory (LokiJS) and, left to
 * itself, saves them every 5 s without fsync, so a kill -9 lost answers members were told were
 * saved. Here every write storage accepted is appended to `write-journal.jsonl` as the entity's whole
 * new state (or a delete) and fdatasync'ed before the write's promise resolves — so before the bot
 * says "saved". Writes in flight at once share one write + fdatasync (group commit).
 *
 * Azurite's own autosave is off (embeddedAzurite.ts): its database file changes only at a
 * checkpoint, which waits until no write is in flight, holds new ones back, saves Azurite and fsyncs
 * the file, then empties the journal. So the file on disk is always a state the bot was serving,
 * and the journal holds exactly the writes accepted after it, in the order their acknowledgements
 * were journaled. A write (an answer with its audit trail) or a transaction (a decision with its audit entry) is one line: kept or lost whole. Start-up replays the journal over the
 * file (replayJournal.ts) before the bot serves.
 *
 * Order within the journal: two writes of one entity are journaled in the order they were
 * acknowledged. A write that depends on another (eTag-conditional, after reading it) can only be
 * sent after storage accepted the first, and its own acknowledgement needs another full round
 * trip, by which time the first one's response — sent earlier over loopback — has been journaled;
 * unconditional writes (last writer wins) of one entity at the same moment may end up either way,
 * as they may in storage itself. Every journaled state was acknowledged, so replay never restores
 * something a caller was not told about; writes in flight at the crash (not acknowledged) are lost
 * whole, never in part.
 */
export class WriteJournal implements WriteRecorder {
  private pending: PendingLine[] = [];
  private flushing: Promise<void> | undefined;
  private checkpointing: Promise<void> | undefined;
  private inFlight = 0;
  private drainWaiters: (() => void)[] = [];
  private bytes = 0;
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly handle: FileHandle,
    private readonly options: WriteJournalOptions,
  ) {
    this.timer = setInterval(() => {
      if (this.bytes > 0) this.checkpointInBackground();
    }, options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS);
    this.timer.unref();
  }

  /** Opens (creating) the journal; whatever it holds must have been replayed and persisted first (see checkpoint). */
  static async open(options: WriteJournalOptions): Promise<WriteJournal> {
    const path = join(options.location, JOURNAL_FILE);
    const handle = await open(path, "a");
    await syncPath(options.location);
    const journal = new WriteJournal(handle, options);
    journal.bytes = (await handle.stat()).size;
    return journal;
  }

  record<R>(write: () => Promise<R>, entries: readonly JournalEntry[]): Promise<R> {
    return this.inside(async () => {
      const result = await write();
      await this.append(entries);
      return result;
    });
  }

  /**
   * Saves storage and empties the journal. New writes wait meanwhile (typically well under a second;
   * the journal is small by then). A crash at any point leaves the file and the journal replayable:
   * before persist the old file plus the whole journal; after it a file that already holds what the
   * journal replays (replaying a full state twice changes nothing).
   */
  checkpoint(): Promise<void> {
    this.checkpointing ??= (async () => {
      try {
        await this.drained();
        await this.flushing;
        await this.options.persist();
        await this.handle.truncate(0);
        await this.handle.sync();
        this.bytes = 0;
      } finally {
        this.checkpointing = undefined;
      }
    })();
    return this.checkpointing;
  }

  /** Checkpoints (so the next start has nothing to replay) and closes the file. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.checkpoint();
    await this.handle.close();
  }

  private checkpointInBackground(): void {
    this.checkpoint().catch((error: unknown) => {
      this.options.onCheckpointError(error);
    });
  }

  /** Counts a write in flight; waits while a checkpoint holds writes back. */
  private async inside<T>(operation: () => Promise<T>): Promise<T> {
    while (this.checkpointing) await this.checkpointing.catch(() => undefined);
    this.inFlight += 1;
    try {
      return await operation();
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const wake of this.drainWaiters.splice(0)) wake();
    }
  }

  private drained(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** One line per write or transaction; resolves once the line is on disk. */
  private append(entries: readonly JournalEntry[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ text: `${JSON.stringify(entries)}\n`, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  /** Group commit: everything queued while the previous fdatasync ran goes out in the next one. */
  private async flush(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      const text = batch.map((line) => line.text).join("");
      try {
        await this.handle.appendFile(text);
        await this.handle.datasync();
        this.bytes += Buffer.byteLength(text);
        for (const line of batch) line.resolve();
      } catch (error) {
        const failure = new StorageUnavailableError(
          { table: JOURNAL_FILE },
          "the write-ahead journal could not be written",
          { cause: error },
        );
        for (const line of batch) line.reject(failure);
      }
    }
    this.flushing = undefined;
    if (this.bytes >= (this.options.checkpointBytes ?? DEFAULT_CHECKPOINT_BYTES)) this.checkpointInBackground();
  }
}

/**
 * The journal's entries in order. A last line without its newline was cut by a crash in the middle
 * of writing it: its write was never acknowledged, so it is dropped. Anything else unreadable is
 * corruption and stops start-up rather than serving a silently different state.
 */
export async function readJournal(location: string): Promise<JournalEntry[]> {
  let text: string;
  try {
    text = await readFile(join(location, JOURNAL_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const lines = text.split("\n");
  const complete = lines.slice(0, -1);
  return complete.flatMap((line, index) => {
    try {
      return JSON.parse(line) as JournalEntry[];
    } catch {
      throw new Error(
        `${join(location, JOURNAL_FILE)} line ${index + 1} is unreadable: restore it from a backup or remove it knowingly`,
      );
    }
  });
}
