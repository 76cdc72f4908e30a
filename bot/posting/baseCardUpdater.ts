import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import type { Ports } from "../app/botServices";
import { updateCard, type ConversationPorts } from "../teams/conversationSend";
import { globalBaseCard, statementBaseCard } from "../answers/statementCardViews";
import { findArea } from "../../assessment/framework/frameworkLookup";

/** Re-rendering a posted card from fresh answers and updating it in Teams, as paced background jobs. */
export type BaseCardPorts = ConversationPorts & Ports<"jobs" | "sender" | "framework", "postedCards" | "responses">;

/**
 * Keeps a posted card's shared view current (answer count, who gets their own view by refresh)
 * after submissions. Thirty people answering at once must not mean thirty updates racing through
 * Teams' rate limit: updates for the same card coalesce, and the one that runs reads fresh data.
 * Losing a queued update with the process only leaves a stale count until the next answer.
 */
export class BaseCardUpdater {
  private readonly queued = new Set<string>();

  constructor(private readonly services: BaseCardPorts) {}

  schedule(assignment: AreaAssignment, cardKey: string): void {
    if (assignment.channel.lostAt) return;
    const id = `${assignment.assessmentId}|${assignment.areaNumber}|${cardKey}`;
    if (this.queued.has(id)) return;
    this.queued.add(id);
    this.services.jobs.run("updateBaseCard", async () => {
      try {
        await this.services.sender.send(assignment.channel.channelId, async () => {
          this.queued.delete(id);
          return this.update(assignment, cardKey);
        });
      } finally {
        this.queued.delete(id);
      }
    });
  }

  private async update(assignment: AreaAssignment, cardKey: string) {
    const { storage, framework } = this.services;
    const posted = await storage.postedCards.get(assignment.assessmentId, assignment.areaNumber, cardKey);
    const area = findArea(framework, assignment.areaNumber);
    const statement = area?.statements.find((candidate) => candidate.id === cardKey);
    // Nothing to refresh: the card was never posted (or is still being posted), or the key is unknown.
    if (posted?.state !== "posted" || !area || (cardKey !== "global" && !statement))
      return { kind: "sent" as const, activityId: "", conversationId: "" };
    const card = statement
      ? await statementBaseCard(this.services, assignment, area, statement)
      : await globalBaseCard(this.services, assignment, area);
    return updateCard(
      this.services,
      {
        serviceUrl: assignment.channel.serviceUrl,
        conversationId: posted.conversationId,
        activityId: posted.activityId,
      },
      card,
    );
  }
}
