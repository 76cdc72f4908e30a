import type { ConsensusThresholds } from "../consensus/consensusThresholds";
import type { ConsensusTier } from "../consensus/statementConsensus";
import type { ActionStatus } from "../actionPlan/actionItem";
import type { RatingValue } from "../framework/frameworkSchema";
import type { RoundSummary } from "../rounds/earlierRoundSummaries";
import type { Change } from "../cycles/change";

/**
 * The one agreed self-assessment, ready to render. Everything a document needs is in here (scale
 * labels, prompts, global lines), so renderers never look at the framework, the answers or a clock.
 */
export interface CompiledAssessment {
  assessmentId: string;
  framework: CompiledFrameworkInfo;
  /** ISO-8601 instant the compile ran (passed in, never read from a clock). */
  compiledAt: string;
  /** IANA time zone the dates on the documents are in. */
  timeZone: string;
  attribution: AttributionMode;
  frontSheet: FrontSheet;
  /** In framework order. */
  areas: CompiledArea[];
  summary: AssessmentSummary;
  /** The consensus rule applied: the thresholds stored with the assessment, and the rule in words. */
  consensusRule: { thresholds: ConsensusThresholds; description: string };
  /** Where the young people's scores came from, when the coordinator said. */
  youngPeopleSource?: string;
  /** By statement id, what leads and the coordinator set for the plan's actions; absent: nothing set yet. */
  actionTracking?: Record<string, CompiledActionTracking>;
  /**
   * Every cycle's global scores, oldest first and this one last, when earlier cycles exist (see
   * compareWithPrevious); `globalScores` follows `areas`' order. Absent for a first cycle.
   */
  cycles?: CycleScores[];
}

export interface CycleScores {
  /** yyyy-mm-dd the cycle was completed. */
  completedOn: string;
  source: "bot" | "imported";
  globalScores: (number | null)[];
}

/** An action's owner (a name, or blank), due date (yyyy-mm-dd or blank) and status, as the plan prints them. */
export interface CompiledActionTracking {
  owner: string;
  dueDate: string;
  status: ActionStatus;
}

/** Real names, or "Member 1…n" numbered per area, for documents shared beyond the groups. */
export type AttributionMode = "names" | "anonymous";

export interface CompiledFrameworkInfo {
  id: string;
  version: string;
  title: string;
  statementPrompt: string;
  evidencePrompt: string;
  ideasPrompt: string;
  globalScorePrompt: string;
  globalLinePrefix: string;
  globalScoreMax: number;
  /** Highest value first, as the framework's columns read. */
  scale: { value: RatingValue; label: string; shortLabel: string }[];
}

export interface FrontSheet {
  localAuthority: string;
  /** yyyy-mm-dd in the assessment's time zone. */
  dateCompleted: string;
  /** The coordinator's text, else a sentence generated from the groups and answer dates. */
  completionMethod: string;
  completionMethodGenerated: boolean;
  /** Distinct people who answered, scored, led a group or moderated. */
  peopleInvolved: number;
  /** The coordinator's text; null when they have not given one. */
  rolesInvolved: string | null;
}

export interface CompiledArea {
  number: number;
  title: string;
  globalLine: string;
  /** The working group's channel name; null when no group was assigned. */
  group: string | null;
  members: number;
  /** Whole percent (0..100) of member × statement cells answered. */
  answeredPercent: number;
  statements: CompiledStatement[];
  globalScore: CompiledGlobalScore;
  /** The young people's score for the same area, when the coordinator recorded one. */
  youngPeopleScore?: number;
}

/**
 * Where a statement's agreed rating comes from: a lead's decision, a consensus nobody needs to
 * moderate, the group's most likely rating while a disagreement is still open, or nothing yet.
 */
export type RatingSource = "moderated" | "consensus" | "provisional" | "unanswered";

export interface CompiledStatement {
  id: string;
  letter: string;
  text: string;
  agreedRating: RatingValue | null;
  ratingSource: RatingSource;
  /** What the members' ratings alone give (null with no answers), kept beside a moderated rating. */
  consensusRating: RatingValue | null;
  answered: number;
  /** How many members chose each rating, in the latest round. */
  distribution: Record<RatingValue, number>;
  /** The latest round of rating: 1, or 2 after a lead sent the statement back to the group. */
  round: number;
  /** How the ratings stood at the end of each earlier round, oldest first (empty with one round). */
  earlierRounds: RoundSummary[];
  /** Which tier of the consensus rule the members' ratings reached (see consensusRule on the assessment). */
  consensusTier: ConsensusTier;
  /** Why the ratings count as disagreement (empty unless consensusTier is "disagreement"). */
  flags: string[];
  /** Data-quality notes (too few answers, Agree without evidence): never a disagreement. */
  notes: string[];
  /** Every member's own words (the document's appendix; its table too where nothing was agreed). */
  evidence: AttributedComment[];
  ideas: AttributedComment[];
  /** The group's agreed evidence summary and ideas, recorded with the decision; null where none was written. */
  agreedEvidence: string | null;
  agreedIdeas: string | null;
  moderation: ModerationNote | null;
  /** The previous cycle's agreed rating (null: it had none); absent when there is no previous cycle. */
  previousRating?: RatingValue | null;
  /** Since the previous cycle; absent when there is none. */
  change?: Change;
}

/** One distinct comment and everyone who wrote it (duplicates merged). */
export interface AttributedComment {
  text: string;
  /** Names or "Member n", in the area's member order. */
  attribution: string[];
}

export interface ModerationNote {
  rationale: string;
  /** The lead's name, or "Moderator" when attribution is anonymous. */
  decidedBy: string;
  decidedAt: string;
  /** The group's proposed rating accepted without discussion: a mark in the legend, no rationale shown. */
  acceptedWithoutDiscussion: boolean;
}

export type GlobalScoreSource = "moderated" | "median" | "none";

export interface CompiledGlobalScore {
  /** May be a half point when it is the median of an even number of scores. */
  value: number | null;
  source: GlobalScoreSource;
  /** A median that leads still need to look at (spread or at odds with the ratings, or too few scores). */
  provisional: boolean;
  answered: number;
  /** Index = score, so length is globalScoreMax + 1. */
  distribution: number[];
  flags: string[];
  moderation: ModerationNote | null;
  /** The previous cycle's score (null: it had none); absent when there is no previous cycle. */
  previousValue?: number | null;
  change?: Change;
}

/** A statement picked out for the summary. */
export interface StatementReference {
  areaNumber: number;
  statementId: string;
  text: string;
  agreedRating: RatingValue;
  ratingSource: RatingSource;
}

export interface PriorityForAction extends StatementReference {
  ideas: AttributedComment[];
}

export type UnresolvedKind =
  "provisionalRating" | "unanswered" | "noGroup" | "provisionalGlobalScore" | "noGlobalScore";

export interface UnresolvedItem {
  kind: UnresolvedKind;
  areaNumber: number;
  /** Set for statement-level items. */
  statementId: string | null;
  /** Plain English, without the statement's text (the documents show that once, in its table). */
  description: string;
}

export interface AssessmentSummary {
  /** Agreed rating 4, in framework order. */
  strengths: StatementReference[];
  /** Agreed rating 1 or 2, with their ideas, in framework order. */
  priorities: PriorityForAction[];
  unresolved: UnresolvedItem[];
  /** True when nothing is unresolved: every statement and global score is agreed. */
  complete: boolean;
}
