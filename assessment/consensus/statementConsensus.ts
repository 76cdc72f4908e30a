import type { Answer } from "../answers/answer";
import type { RatingValue } from "../framework/frameworkSchema";
import type { ConsensusFlag } from "./consensusFlag";
import { DEFAULT_CONSENSUS_THRESHOLDS, type ConsensusThresholds } from "./consensusThresholds";
import { plural } from "../text/plural";
import { median } from "./median";
import { countRatings } from "./ratingDistribution";
import { percentBelow, sharePercent } from "./sharePercent";

export type { ConsensusFlag, ConsensusFlagCode } from "./consensusFlag";

const RATINGS: readonly RatingValue[] = [1, 2, 3, 4];

export interface StatementConsensusInput {
  readonly statementId: string;
  readonly answers: readonly Pick<Answer, "rating" | "evidence">[];
  /** Members of the working group, for the quorum message. */
  readonly members: number;
}

/**
 * unanswered: no answers. agreement: everyone gave the same rating. nearAgreement: adjacent
 * ratings on one side of the agree/disagree line (and, from enough answers, a large enough
 * majority) — not flagged, the majority rating proposed. disagreement: flagged for moderation.
 */
export type ConsensusTier = "unanswered" | "agreement" | "nearAgreement" | "disagreement";

export interface StatementConsensus {
  statementId: string;
  tier: ConsensusTier;
  answered: number;
  members: number;
  distribution: Record<RatingValue, number>;
  /** Can fall between ratings (e.g. 2.5) when the answer count is even. */
  median: number | null;
  /** Every rating tied for most common, ascending. */
  modalRatings: RatingValue[];
  /** 0..1; 0 with no answers. */
  modalShare: number;
  range: number | null;
  /** The proposed agreed rating: the clear majority, or the median rounded down on a tie. */
  consensusRating: RatingValue | null;
  /** Why the ratings count as disagreement; empty unless tier is "disagreement". */
  flags: ConsensusFlag[];
  /** Data-quality prompts for the lead (too few answers, Agree without evidence): never a disagreement. */
  notes: ConsensusFlag[];
  /** Needs a lead's moderation: tier "disagreement". */
  flagged: boolean;
}

/**
 * Summarises one statement's ratings and flags what a lead should look at. Depends only on the
 * multiset of answers: nothing below looks at the order they arrived in.
 */
export function analyseStatement(
  input: StatementConsensusInput,
  thresholds: ConsensusThresholds = DEFAULT_CONSENSUS_THRESHOLDS,
): StatementConsensus {
  const ratings = input.answers.map((answer) => answer.rating);
  const distribution = countRatings(ratings);
  const modalCount = Math.max(...RATINGS.map((rating) => distribution[rating]));
  const modalRatings = ratings.length === 0 ? [] : RATINGS.filter((rating) => distribution[rating] === modalCount);
  const middle = median(ratings);
  const present = RATINGS.filter((rating) => distribution[rating] > 0);
  const summary = {
    statementId: input.statementId,
    answered: ratings.length,
    members: input.members,
    distribution,
    median: middle,
    modalRatings,
    modalShare: ratings.length === 0 ? 0 : modalCount / ratings.length,
    range: present.length === 0 ? null : (present.at(-1) as number) - (present[0] as number),
    consensusRating: pickConsensusRating(modalRatings, middle),
  };
  const flags = disagreementFlags(summary, thresholds);
  const notes = [...agreeWithoutEvidenceFlags(input.answers), ...quorumFlags(summary, thresholds)];
  const tier: ConsensusTier =
    summary.answered === 0
      ? "unanswered"
      : flags.length > 0
        ? "disagreement"
        : summary.range === 0
          ? "agreement"
          : "nearAgreement";
  return { ...summary, tier, flags, notes, flagged: tier === "disagreement" };
}

/**
 * One clear mode wins. Tied modes fall back to the median rounded down: when the group is split,
 * the self-assessment should not over-claim. Rounding down the median of integer ratings keeps the
 * result within the ratings actually given.
 */
function pickConsensusRating(modalRatings: readonly RatingValue[], middle: number | null): RatingValue | null {
  if (middle === null) return null;
  if (modalRatings.length === 1) return modalRatings[0] as RatingValue;
  return Math.floor(middle) as RatingValue;
}

type Summary = Omit<StatementConsensus, "tier" | "flags" | "notes" | "flagged">;

function disagreementFlags(summary: Summary, thresholds: ConsensusThresholds): ConsensusFlag[] {
  const { distribution: d, range } = summary;
  const flags: ConsensusFlag[] = [];
  const agree = d[3] + d[4];
  const disagree = d[1] + d[2];
  if (agree > 0 && disagree > 0) {
    flags.push({
      code: "bothSidesOfLine",
      message: `Ratings fall on both sides of the agree/disagree line (${agree} agree, ${disagree} disagree)`,
    });
  }
  if (range !== null && range >= thresholds.maxRange + 1) {
    const low = RATINGS.find((rating) => d[rating] > 0) as RatingValue;
    flags.push({ code: "wideSpread", message: `Ratings span ${plural(range, "point")} (${low} to ${low + range})` });
  }
  if (summary.answered >= thresholds.minAnswersForModalShare && summary.modalShare < thresholds.modalShareMin) {
    flags.push({
      code: "weakModalShare",
      message: `Only ${percentBelow(summary.modalShare, thresholds.modalShareMin)} chose the most common rating (${sharePercent(thresholds.modalShareMin)}% needed from ${thresholds.minAnswersForModalShare} answers)`,
    });
  }
  return flags;
}

/** The framework asks for strong evidence behind Agree; blank or whitespace-only evidence is none. */
function agreeWithoutEvidenceFlags(answers: readonly Pick<Answer, "rating" | "evidence">[]): ConsensusFlag[] {
  const count = answers.filter((answer) => answer.rating === 4 && answer.evidence.trim() === "").length;
  if (count === 0) return [];
  return [
    {
      code: "agreeWithoutEvidence",
      message: `${plural(count, "person", "people")} rated Agree with no evidence — Agree needs strong evidence`,
    },
  ];
}

function quorumFlags(summary: Summary, thresholds: ConsensusThresholds): ConsensusFlag[] {
  if (summary.answered >= thresholds.quorum) return [];
  const members = plural(summary.members, "member");
  const message =
    summary.answered === 0
      ? `No one has answered yet (${members}, quorum ${thresholds.quorum})`
      : `Only ${summary.answered} of ${members} answered (quorum ${thresholds.quorum})`;
  return [{ code: "belowQuorum", message }];
}
