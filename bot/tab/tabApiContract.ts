import { z } from "zod";
import type { AreaDigest, DigestStatement } from "../../assessment/digest/buildAreaDigest";
import type { AreaStatus } from "../../assessment/groups/workingGroup";

/**
 * The tab's JSON API: request bodies (zod, parsed on the server) and response shapes (types the
 * page imports as types only, so nothing of the server reaches the browser bundle).
 */
export const saveAnswerBodySchema = z.object({
  rating: z.string().max(8),
  evidence: z.string().max(20_000),
  ideas: z.string().max(20_000),
});
export const saveGlobalScoreBodySchema = z.object({ score: z.string().max(8) });
/**
 * `replacing`: the decidedAt of the decision the lead's form was filled from, null when it showed
 * none; a decision recorded since is then kept, not overwritten (a 422 naming it). Absent: replace.
 */
const replacingSchema = z.string().max(64).nullable().optional();
export const recordDecisionBodySchema = z.object({
  agreedRating: z.string().max(8),
  rationale: z.string().max(20_000),
  agreedEvidence: z.string().max(20_000).optional(),
  agreedIdeas: z.string().max(20_000).optional(),
  replacing: replacingSchema,
});
export const recordGlobalDecisionBodySchema = z.object({
  agreedScore: z.string().max(8),
  rationale: z.string().max(20_000),
  replacing: replacingSchema,
});

export interface TabArea {
  number: number;
  title: string;
  status: AreaStatus;
  canAnswer: boolean;
  canModerate: boolean;
}

export interface MeView {
  name: string;
  isCoordinator: boolean;
  areas: TabArea[];
}

export interface RatingGuideEntry {
  value: number;
  label: string;
  guide: string;
}

export interface MyAreaView {
  area: { number: number; title: string; status: AreaStatus; globalLine: string };
  /** The assessment's time zone: saved times are shown in it, as on the cards. */
  timeZone: string;
  prompts: { statement: string; evidence: string; ideas: string; globalScore: string };
  scale: RatingGuideEntry[];
  limits: { evidenceMaxChars: number; ideasMaxChars: number };
  statements: Array<{
    id: string;
    text: string;
    answeredCount: number;
    /** Set while a lead has sent the statement back: a save here is the member's answer in this round. */
    round?: number;
    mine?: { rating: number; evidence: string; ideas: string; updatedAt: string; round: number };
  }>;
  globalScore: { max: number; answeredCount: number; mine?: number };
}

/** `decidedAt` on a refused decision: the one recorded since the form was filled, to send as `replacing`. */
export type SaveResponse =
  { ok: true; answeredCount: number; savedAt: string } | { ok: false; message: string; decidedAt?: string };

/** Statements sent back to the group ("7a (round 2)") and those refused, each with its reason. */
export interface SendBackResponse {
  sent: string[];
  refused: string[];
}

export interface LeadAreaView {
  digest: AreaDigest;
  globalScoreMax: number;
  /** Undefined when Teams did not give the channel's roster just now. */
  notAnswered?: Array<{ name: string; missing: number }>;
  status: AreaStatus;
}

export interface HeatCell {
  statementId: string;
  rating: number | null;
  /** agreed: a decision was recorded; provisional: the group's consensus rating; unanswered: no answers. */
  kind: "agreed" | "provisional" | "unanswered";
  flagged: boolean;
}

export interface OverviewView {
  areas: Array<{
    number: number;
    title: string;
    status: AreaStatus | "unassigned";
    group: string;
    leads: string[];
    respondents: number;
    answeredPercent: number;
    cells: HeatCell[];
  }>;
  unresolved: Array<{ areaNumber: number; statementId: string; flags: string[] }>;
  /** The channels the bot can post in that hold (or held) an area: where the overview can assign areas. */
  groups: Array<{ channelId: string; name: string }>;
}

export const assignAreasBodySchema = z.object({
  areas: z.array(z.number().int().min(1).max(99)).min(1, "Pick at least one area.").max(20),
  channelId: z.string().min(1, "Pick the group's channel.").max(300),
  leadAadIds: z
    .array(z.guid("A lead must be picked from the group's people."))
    .min(1, "Name at least one lead.")
    .max(10),
  confirmMoves: z.boolean().default(false),
});

/** 200 assigned; 409 when areas with answers elsewhere need `confirmMoves: true`; otherwise a reason. */
export type AssignResponse =
  | { ok: true; summary: string[] }
  | { ok: false; message: string; moves?: Array<{ areaNumber: number; channelName: string; answerCount: number }> };

/** The people of a group's team, to pick leads from. */
export interface GroupPeople {
  people: Array<{ aadObjectId: string; name: string }>;
}

export interface CompileResponse {
  complete: boolean;
  unresolved: number;
  /** Signed links that expire (DOWNLOAD_LINK_TTL_MINUTES). */
  downloads: Array<{ label: string; url: string }>;
  expiresInMinutes: number;
}

export const moveStageBodySchema = z.object({ statementId: z.string().min(1).max(16) });

/**
 * A recorded decision in the group's agreed words, without who recorded it (`decidedBy`): these are
 * the texts the compiled document prints, so the shared stage may show them to everyone. `decidedAt`
 * tells a lead's form which decision it stands on (see recordDecisionBodySchema's `replacing`).
 */
export type AgreedDecision = Pick<
  NonNullable<DigestStatement["decision"]>,
  "agreedRating" | "rationale" | "agreedEvidence" | "agreedIdeas" | "decidedAt"
>;

/**
 * What the meeting stage shows, the same for every participant: one flagged statement with its
 * distribution and the group's evidence WITHOUT names (the stage is seen by everyone in the meeting).
 */
export interface StageView {
  areaNumber: number;
  areaTitle: string;
  /** The flagged statements' ids in the digest's order: next and previous walk this list. */
  flagged: string[];
  /** The statement a lead put on stage, else the first flagged one; absent when nothing is flagged. */
  statement?: {
    statementId: string;
    text: string;
    answered: number;
    distributionWords: string;
    flags: string[];
    comments: Array<{ kind: "evidence" | "ideas"; rating: number; text: string }>;
    /** The recorded decision, so a lead re-recording in the meeting starts from what was written. */
    decision?: AgreedDecision;
  };
  /** When a lead last moved the stage (the pages poll and follow). */
  movedAt?: string;
}
