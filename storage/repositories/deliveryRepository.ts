import type { TableClient } from "@azure/data-tables";
import type { WriteRecorder } from "../writeRecorder";
import { mappingCodec } from "../entityMapping";
import { EntityTable } from "../entityTable";
import { deliveryKeys, deliveryMapping, deliveryPartition } from "../mappings/deliveryMapping";
import type { Delivery } from "../records/delivery";

export type DeliveryClaim = "claimed" | "done" | "failed" | "pending";

/**
 * Idempotency for proactive sends, one row per (thing sent, recipient): claim before sending,
 * then markDone, markFailed (not to be retried in this run) or release (retry later).
 * Table Deliveries: PartitionKey = composeKey(kind, runKey), RowKey = encoded recipient.
 */
export class DeliveryRepository {
  private readonly table: EntityTable<Delivery>;

  constructor(
    client: TableClient,
    private readonly now: () => Date,
    recorder?: WriteRecorder,
  ) {
    this.table = new EntityTable(client, mappingCodec(deliveryMapping), recorder);
  }

  /** "claimed": send it now. Otherwise the state someone else left it in; send nothing. */
  async claim(kind: string, runKey: string, recipient: string): Promise<DeliveryClaim> {
    const pending: Delivery = { kind, runKey, recipient, claimedAt: this.now().toISOString(), state: "pending" };
    const outcome = await this.table.updateWith(deliveryKeys(kind, runKey, recipient), (current) =>
      current === undefined ? pending : undefined,
    );
    return outcome.written ? "claimed" : (outcome.current?.value.state ?? "pending");
  }

  /**
   * Takes over a pending claim whose holder has not renewed it since `staleBefore`: the process
   * that claimed it died mid-send (a live sender renews as it goes). True: it is ours now, send it.
   */
  async takeOverStale(kind: string, runKey: string, recipient: string, staleBefore: Date): Promise<boolean> {
    const outcome = await this.table.updateWith(deliveryKeys(kind, runKey, recipient), (current) =>
      current?.state === "pending" && Date.parse(current.claimedAt) < staleBefore.getTime()
        ? { ...current, claimedAt: this.now().toISOString() }
        : undefined,
    );
    return outcome.written;
  }

  /** Shows a pending claim is still being worked on (claimedAt is its last sign of life); finished ones are left alone. */
  async renew(kind: string, runKey: string, recipient: string): Promise<void> {
    await this.table.updateWith(deliveryKeys(kind, runKey, recipient), (current) =>
      current?.state === "pending" ? { ...current, claimedAt: this.now().toISOString() } : undefined,
    );
  }

  async markDone(kind: string, runKey: string, recipient: string): Promise<void> {
    await this.finish(kind, runKey, recipient, (claimedAt, finishedAt) => ({
      kind,
      runKey,
      recipient,
      claimedAt,
      state: "done",
      finishedAt,
    }));
  }

  /** Records why it could not be sent (e.g. "403 MessageWritesBlocked"); claim answers "failed" from now on. */
  async markFailed(kind: string, runKey: string, recipient: string, reason: string): Promise<void> {
    await this.finish(kind, runKey, recipient, (claimedAt, finishedAt) => ({
      kind,
      runKey,
      recipient,
      claimedAt,
      state: "failed",
      finishedAt,
      failureReason: reason,
    }));
  }

  /** Gives up a pending claim (a transient failure) so a later attempt can claim it again. */
  async release(kind: string, runKey: string, recipient: string): Promise<void> {
    await this.table.deleteIf(deliveryKeys(kind, runKey, recipient), (current) => current.state === "pending");
  }

  async get(kind: string, runKey: string, recipient: string): Promise<Delivery | undefined> {
    return (await this.table.get(deliveryKeys(kind, runKey, recipient)))?.value;
  }

  /** Every recipient of one run, for a summary of who got it. */
  async list(kind: string, runKey: string): Promise<Delivery[]> {
    const rows = await this.table.list({ partitionKey: deliveryPartition(kind, runKey) });
    return rows.map((row) => row.value);
  }

  /** Finishing without a claim still records the outcome: the message went (or failed) either way. */
  private async finish(
    kind: string,
    runKey: string,
    recipient: string,
    build: (claimedAt: string, finishedAt: string) => Delivery,
  ): Promise<void> {
    const finishedAt = this.now().toISOString();
    await this.table.updateWith(deliveryKeys(kind, runKey, recipient), (current) =>
      build(current?.claimedAt ?? finishedAt, finishedAt),
    );
  }
}
