import { z } from "zod";
import type { AreaDigest } from "../../assessment/digest/buildAreaDigest";
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
export const recordDecisionBodySchema = z.object({
  agreedRating: z.string().max(8),
  rationale: z.string().max(20_000),
  agreedEvidence: z.string().max(20_000).optional(),
  agreedIdeas: z.string().max(20_000).optional(),
});
export const recordGlobalDecisionBodySchema = z.object({
  agreedScore: z.string().max(8),
  rationale: z.string().max(20_000),
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
    mine?: { rating: number; evidence: string; ideas: string; updatedAt: string };
  }>;
  globalScore: { max: number; answeredCount: number; mine?: number };
}

export type SaveResponse = { ok: true; answeredCount: number; savedAt: string } | { ok: false; message: string };

export interface EvidenceByRating {
  rating: number;
  entries: Array<{ author: string; evidence: string; ideas: string }>;
}

export interface LeadAreaView {
  digest: AreaDigest;
  globalScoreMax: number;
  /** Undefined when Teams did not give the channel's roster just now. */
  notAnswered?: Array<{ name: string; missing: number }>;
  evidence: Record<string, EvidenceByRating[]>;
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
}

export interface CompileResponse {
  complete: boolean;
  unresolved: number;
  /** Signed links that expire (DOWNLOAD_LINK_TTL_MINUTES). */
  downloads: Array<{ label: string; url: string }>;
  expiresInMinutes: number;
}
