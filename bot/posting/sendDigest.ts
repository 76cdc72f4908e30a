import type { Person } from "../../assessment/answers/person";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import type { Ports } from "../app/botServices";
import type { SendOutcome } from "./sendOutcome";
import { sendCardToConversation } from "../teams/conversationSend";
import { openPersonalChatPaced, type PersonalChatPorts } from "../teams/sendToPersonalChat";
import { renewWhile } from "./renewWhile";

export const DIGEST_DELIVERY_KIND = "digest";

/**
 * A pending delivery not renewed for this long was left by a process that died mid-send, and the
 * next run of the same key takes it over. A live sender renews it every third of this while a page
 * waits (Retry-After, pacing), so only a process stalled outright could be taken over while alive.
 */
export const DIGEST_CLAIM_LEASE_MS = 10_000;

export type DigestDeliveryResult =
  | { kind: "sent"; cards: number }
  | { kind: "alreadySent" }
  | { kind: "inProgress" }
  | { kind: "recipientGone"; reason: string }
  | { kind: "failed"; reason: string };

/** Opening the lead's chat and sending, paced, with the per-recipient delivery claims. */
export type DigestSendPorts = PersonalChatPorts & Ports<never, "deliveries">;

/**
 * Sends one area's digest pages to one lead's 1:1 chat, at most once per run key: claim → open the
 * chat (Teams allows it once the app is installed for them, e.g. via the team) → send the pages one
 * by one through the paced sender, so a throttled page is retried alone and never duplicated →
 * markDone. A blocked bot (403 MessageWritesBlocked) is marked failed and reported to the caller.
 * A claim left pending by a dead process is taken over once stale (DIGEST_CLAIM_LEASE_MS); the
 * pages it had sent come again, as nothing records which pages reached the lead.
 */
export async function sendDigestToLead(
  services: DigestSendPorts,
  input: { assignment: AreaAssignment; lead: Person; runKey: string; cards: readonly AdaptiveCard[] },
): Promise<DigestDeliveryResult> {
  const { assignment, lead, runKey, cards } = input;
  const recipient = lead.aadObjectId;
  const { deliveries } = services.storage;
  const claim = await deliveries.claim(DIGEST_DELIVERY_KIND, runKey, recipient);
  if (claim === "failed") return { kind: "failed", reason: "an earlier attempt in this run failed" };
  if (claim === "done") return { kind: "alreadySent" };
  if (claim === "pending") {
    const staleBefore = new Date(services.clock().getTime() - DIGEST_CLAIM_LEASE_MS);
    if (!(await deliveries.takeOverStale(DIGEST_DELIVERY_KIND, runKey, recipient, staleBefore)))
      return { kind: "inProgress" };
  }
  const target = {
    serviceUrl: assignment.channel.serviceUrl,
    tenantId: assignment.channel.tenantId,
    teamsUserId: lead.teamsUserId,
  };
  const opened = await openPersonalChatPaced(services, { ...target, aadObjectId: recipient });
  if (opened.kind !== "sent") return finishFailed(services, runKey, recipient, opened, 0);
  const conversationId = opened.conversationId;
  const renewClaim = () => deliveries.renew(DIGEST_DELIVERY_KIND, runKey, recipient);
  await renewClaim();
  let sent = 0;
  for (const card of cards) {
    const outcome = await renewWhile(renewClaim, DIGEST_CLAIM_LEASE_MS / 3, () =>
      services.sender.send(conversationId, () =>
        sendCardToConversation(services, { serviceUrl: target.serviceUrl, conversationId }, card),
      ),
    );
    if (outcome.kind !== "sent") return finishFailed(services, runKey, recipient, outcome, sent);
    sent += 1;
  }
  await deliveries.markDone(DIGEST_DELIVERY_KIND, runKey, recipient);
  return { kind: "sent", cards: sent };
}

async function finishFailed(
  services: DigestSendPorts,
  runKey: string,
  recipient: string,
  outcome: SendOutcome,
  sentBefore: number,
): Promise<DigestDeliveryResult> {
  const reason =
    outcome.kind === "recipientGone" || outcome.kind === "failed"
      ? outcome.reason
      : outcome.kind === "throttled"
        ? "Teams kept throttling"
        : "unknown";
  if (outcome.kind !== "recipientGone" && sentBefore === 0) {
    // Nothing reached the lead: give the claim back so a later `digest` can try again.
    await services.storage.deliveries.release(DIGEST_DELIVERY_KIND, runKey, recipient);
    return { kind: "failed", reason };
  }
  await services.storage.deliveries.markFailed(
    DIGEST_DELIVERY_KIND,
    runKey,
    recipient,
    outcome.kind === "recipientGone" ? `403 ${reason}` : reason,
  );
  return outcome.kind === "recipientGone" ? { kind: "recipientGone", reason } : { kind: "failed", reason };
}
