import type { TableClient } from "@azure/data-tables";
import type { WriteRecorder } from "../writeRecorder";
import { mappingCodec } from "../entityMapping";
import { EntityTable } from "../entityTable";
import { postedCardKeys, postedCardMapping, postedCardPartition } from "../mappings/postedCardMapping";
import type { PostedCard } from "../records/postedCard";

export type CardClaim = "claimed" | "alreadyPosted" | "pending";

/**
 * Cards posted once per area and updated in place later (their activity ids).
 * Table PostedCards: PartitionKey = composeKey(assessment id, padded area), RowKey = encoded card key.
 * Posting is claim → send → markPosted (or release after a failed send), so a retried turn or a
 * second instance never posts the same card twice.
 */
export class PostedCardRepository {
  private readonly table: EntityTable<PostedCard>;

  constructor(client: TableClient, recorder?: WriteRecorder) {
    this.table = new EntityTable(client, mappingCodec(postedCardMapping), recorder);
  }

  /**
   * "claimed": go ahead and send. "alreadyPosted": it is out there (see get/list for its activity id).
   * "pending": someone else is sending it right now, or died while sending (see takeOverStale).
   */
  async claim(
    assessmentId: string,
    areaNumber: number,
    cardKey: string,
    conversationId: string,
    at: string,
  ): Promise<CardClaim> {
    const pending: PostedCard = { assessmentId, areaNumber, cardKey, conversationId, claimedAt: at, state: "pending" };
    const outcome = await this.table.updateWith(postedCardKeys(assessmentId, areaNumber, cardKey), (current) =>
      current === undefined ? pending : undefined,
    );
    if (outcome.written) return "claimed";
    return outcome.current?.value.state === "posted" ? "alreadyPosted" : "pending";
  }

  /**
   * Takes over a pending claim not renewed since `staleBefore`: the process that claimed it died
   * mid-send (a live sender renews while it waits). True: it is ours now, send it.
   */
  async takeOverStale(
    assessmentId: string,
    areaNumber: number,
    cardKey: string,
    staleBefore: Date,
    at: string,
  ): Promise<boolean> {
    const outcome = await this.table.updateWith(postedCardKeys(assessmentId, areaNumber, cardKey), (current) =>
      current?.state === "pending" && Date.parse(current.claimedAt) < staleBefore.getTime()
        ? { ...current, claimedAt: at }
        : undefined,
    );
    return outcome.written;
  }

  /** Shows a pending claim is still being sent (claimedAt is its last sign of life); a posted card is left alone. */
  async renew(assessmentId: string, areaNumber: number, cardKey: string, at: string): Promise<void> {
    await this.table.updateWith(postedCardKeys(assessmentId, areaNumber, cardKey), (current) =>
      current?.state === "pending" ? { ...current, claimedAt: at } : undefined,
    );
  }

  /**
   * Records where the sent card is: the activity id Teams issued and the thread (conversation) it
   * opened — what a later update must address. Also used to record a re-post. Throws if the card
   * was never claimed.
   */
  async markPosted(
    assessmentId: string,
    areaNumber: number,
    cardKey: string,
    posted: { activityId: string; conversationId: string },
    at: string,
  ): Promise<void> {
    await this.table.updateWith(postedCardKeys(assessmentId, areaNumber, cardKey), (current) => {
      if (current === undefined)
        throw new Error(`Card "${cardKey}" of area ${areaNumber} was marked posted without a claim`);
      return {
        ...current,
        state: "posted",
        activityId: posted.activityId,
        conversationId: posted.conversationId,
        postedAt: at,
      };
    });
  }

  /** Gives up a pending claim after a failed send so it can be retried; a posted card is left alone. */
  async release(assessmentId: string, areaNumber: number, cardKey: string): Promise<void> {
    await this.table.deleteIf(
      postedCardKeys(assessmentId, areaNumber, cardKey),
      (current) => current.state === "pending",
    );
  }

  async get(assessmentId: string, areaNumber: number, cardKey: string): Promise<PostedCard | undefined> {
    return (await this.table.get(postedCardKeys(assessmentId, areaNumber, cardKey)))?.value;
  }

  /** Pending and posted cards of one area, by card key. */
  async list(assessmentId: string, areaNumber: number): Promise<PostedCard[]> {
    const rows = await this.table.list({ partitionKey: postedCardPartition(assessmentId, areaNumber) });
    return rows.map((row) => row.value);
  }
}
