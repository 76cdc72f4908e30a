import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { Area } from "../../assessment/framework/frameworkSchema";
import { buildIntroCard } from "../../cards/introCard";
import type { AdaptiveCard } from "../../cards/expandTemplate";
import type { Ports } from "../app/botServices";
import { postCardToChannel, type ConversationPorts } from "../teams/conversationSend";
import { globalBaseCard, statementBaseCard } from "../answers/statementCardViews";
import { areaCardPlan, cardKeyName, type AreaCardKey } from "./areaCardPlan";
import { renewWhile } from "./renewWhile";

/**
 * A pending claim not renewed for this long was left by a process that died mid-send; the next
 * `start` takes it over. A live sender renews it every third of this while Teams makes it wait.
 */
export const POSTING_CLAIM_LEASE_MS = 10_000;

export interface PostingReport {
  areaNumber: number;
  posted: number;
  alreadyThere: number;
  /** Set when posting stopped early; the rest is posted by running `start` again. */
  stoppedBecause?: string;
  /** Another run (a second `start`, another instance) is posting this area right now: this one left it to that. */
  postingElsewhere?: boolean;
}

/** Claiming, rendering and posting an area's cards to its channel, paced. */
export type PostingPorts = ConversationPorts & Ports<"sender" | "framework", "postedCards" | "responses">;

/**
 * Posts an area's cards in order, each at most once. Before sending, a card is claimed in Tables;
 * after sending, its activity id is recorded. Running it again (after a crash, or on a second
 * instance) skips what is recorded; a claim another live run holds (renewed within
 * POSTING_CLAIM_LEASE_MS) stops this run, so two `start`s at once never post a card twice. A claim
 * left by a crash mid-send goes stale and is sent again: we can't ask Teams whether the send
 * landed, and a rare duplicate is better than a missing statement.
 */
export async function postAreaCards(
  services: PostingPorts,
  assessment: AssessmentDetails,
  assignment: AreaAssignment,
  area: Area,
): Promise<PostingReport> {
  const report: PostingReport = { areaNumber: area.number, posted: 0, alreadyThere: 0 };
  if (assignment.channel.lostAt)
    return {
      ...report,
      stoppedBecause: "the bot can no longer post in this area's channel (assign the area to a channel again)",
    };
  const { postedCards } = services.storage;
  for (const key of areaCardPlan(area)) {
    const cardKey = cardKeyName(key);
    const claim = await postedCards.claim(
      assessment.id,
      area.number,
      cardKey,
      assignment.channel.channelId,
      services.clock().toISOString(),
    );
    if (claim === "alreadyPosted") {
      report.alreadyThere += 1;
      continue;
    }
    if (claim === "pending") {
      const staleBefore = new Date(services.clock().getTime() - POSTING_CLAIM_LEASE_MS);
      if (
        !(await postedCards.takeOverStale(
          assessment.id,
          area.number,
          cardKey,
          staleBefore,
          services.clock().toISOString(),
        ))
      ) {
        report.postingElsewhere = true;
        return report;
      }
    }
    const card = await cardFor(services, assessment, assignment, area, key);
    const renewClaim = () => postedCards.renew(assessment.id, area.number, cardKey, services.clock().toISOString());
    const outcome = await renewWhile(renewClaim, POSTING_CLAIM_LEASE_MS / 3, () =>
      services.sender.send(assignment.channel.channelId, () => postCardToChannel(services, assignment.channel, card)),
    );
    if (outcome.kind !== "sent") {
      await postedCards.release(assessment.id, area.number, cardKey);
      report.stoppedBecause =
        outcome.kind === "throttled"
          ? "Teams kept asking us to slow down"
          : outcome.kind === "recipientGone"
            ? outcome.reason
            : `Teams refused the post (${outcome.reason})`;
      return report;
    }
    await postedCards.markPosted(assessment.id, area.number, cardKey, outcome, services.clock().toISOString());
    report.posted += 1;
  }
  return report;
}

async function cardFor(
  services: PostingPorts,
  assessment: AssessmentDetails,
  assignment: AreaAssignment,
  area: Area,
  key: AreaCardKey,
): Promise<AdaptiveCard> {
  if (key.kind === "intro") {
    return buildIntroCard({
      framework: services.framework,
      area,
      deadline: assessment.deadline,
      leadNames: assignment.leads.map((lead) => lead.name).filter((name) => name !== ""),
    });
  }
  if (key.kind === "global") return globalBaseCard(services, assignment, area);
  const statement = area.statements.find((candidate) => candidate.id === key.statementId);
  if (!statement) throw new Error(`statement ${key.statementId} is not in area ${area.number}`);
  return statementBaseCard(services, assignment, area, statement);
}
