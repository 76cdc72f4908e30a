import type { z } from "zod";
import {
  globalScoreDecisionSchema,
  moderationDecisionSchema,
  type GlobalScoreDecision,
  type ModerationDecision,
} from "../../assessment/moderation/moderationDecision";
import type { AuditEntry } from "../../assessment/audit/auditEntry";
import type { Person } from "../../assessment/answers/person";
import type { DecisionGuard, ModerationRepository } from "../../storage/repositories/moderationRepository";
import type { AuditedSave, AuditOf } from "../../storage/saveWithAudit";
import type { Ports } from "../app/botServices";

export type ModerationServices = Ports<"clock", "moderation">;

export interface Decided {
  assessmentId: string;
  decidedBy: Person;
  decidedAt: string;
}

/** What differs between a statement's agreed rating and an area's agreed global score. */
export interface DecisionKind<T extends Decided> {
  schema: z.ZodType<T>;
  /** The field holding the agreed value, and what to say when it is missing or out of range. */
  valueField: string;
  valueHint: (decision: Record<string, unknown>) => string;
  action: AuditEntry["action"];
  target: (decision: T) => string;
  /** The audit's before/after: the agreed value and which agreed texts exist, never the texts or the rationale. */
  summary: (decision: T) => string;
  /** "agreed rating 3 for 7a": what a lead is told another lead recorded. */
  describe: (decision: T) => string;
  save: (
    moderation: ModerationRepository,
    decision: T,
    audit: AuditOf<T>,
    options: { onlyIfAbsent: boolean } & DecisionGuard,
  ) => Promise<AuditedSave<T>>;
}

export const statementDecision: DecisionKind<ModerationDecision> = {
  schema: moderationDecisionSchema,
  valueField: "agreedRating",
  valueHint: (fields) =>
    `Choose the agreed rating for ${String(fields["statementId"])}, from 4 (Agree at present) to 1 (Disagree at present).`,
  action: "decisionRecorded",
  target: (decision) => decision.statementId,
  summary: (decision) =>
    [
      String(decision.agreedRating),
      ...(decision.agreedEvidence === undefined ? [] : ["agreed evidence"]),
      ...(decision.agreedIdeas === undefined ? [] : ["agreed ideas"]),
    ].join(" + "),
  describe: (decision) => `agreed rating ${decision.agreedRating} for ${decision.statementId}`,
  save: (moderation, decision, audit, options) => moderation.saveDecision(decision, audit, options),
};

/** The framework's global scores run from 0 to `max` (10); the stored schema allows any framework's. */
export function globalScoreDecision(max: number): DecisionKind<GlobalScoreDecision> {
  return {
    schema: globalScoreDecisionSchema.refine((decision) => decision.agreedScore <= max, { path: ["agreedScore"] }),
    valueField: "agreedScore",
    valueHint: () => `Choose the agreed global score, from 0 to ${max}.`,
    action: "globalDecisionRecorded",
    target: (decision) => `area ${decision.areaNumber}`,
    summary: (decision) => String(decision.agreedScore),
    describe: (decision) => `agreed global score ${decision.agreedScore} for area ${decision.areaNumber}`,
    save: (moderation, decision, audit, guard) => moderation.saveGlobalDecision(decision, audit, guard),
  };
}

export type RecordModerationResult<T> =
  | { ok: true; decision: T; previous?: T }
  | { ok: false; reason: "invalid" | "alreadyDecided"; message: string }
  /** `current`: the decision recorded since the lead's form was filled; saving again with it as `replacing` replaces it. */
  | { ok: false; reason: "changedSince"; message: string; current: T };

/**
 * The one way a moderation decision is recorded, for every surface and action (a lead's decision
 * from the digest card or the tab, an agreed global score, a bulk accept of proposed ratings): the
 * caller has checked the role; this validates what was typed, then stores the decision and its audit
 * entry (before → after) in one transaction, so no crash keeps one without the other. With
 * `onlyIfAbsent`, a statement that already has a decision keeps it ("alreadyDecided"); with
 * `replacing`, a decision recorded since the lead's form was filled is kept and named
 * ("changedSince"), so the lead can compare before replacing it.
 */
export async function recordModerationDecision<T extends Decided>(
  services: ModerationServices,
  kind: DecisionKind<T>,
  fields: Record<string, unknown>,
  options: { onlyIfAbsent?: boolean } & DecisionGuard = {},
): Promise<RecordModerationResult<T>> {
  const parsed = kind.schema.safeParse({ ...fields, decidedAt: services.clock().toISOString() });
  if (!parsed.success) {
    const valueProblem = parsed.error.issues.some((issue) => issue.path[0] === kind.valueField);
    const messages = parsed.error.issues.map((issue) => issue.message);
    return {
      ok: false,
      reason: "invalid",
      message: valueProblem ? kind.valueHint(fields) : [...new Set(messages)].join(" "),
    };
  }
  const decision = parsed.data;
  const saved = await kind.save(
    services.storage.moderation,
    decision,
    (previous) => ({
      assessmentId: decision.assessmentId,
      at: decision.decidedAt,
      actorAadObjectId: decision.decidedBy.aadObjectId,
      action: kind.action,
      target: kind.target(decision),
      before: previous === undefined ? undefined : kind.summary(previous),
      after: kind.summary(decision),
    }),
    { onlyIfAbsent: options.onlyIfAbsent === true, replacing: options.replacing },
  );
  if (!saved.written) {
    const current = saved.previous;
    // Nothing written means something is stored: a guard finds nothing to refuse when nothing is.
    if (options.replacing === undefined || current === undefined)
      return { ok: false, reason: "alreadyDecided", message: "already decided" };
    return {
      ok: false,
      reason: "changedSince",
      current,
      // Each surface adds how to go on from there (press again on the tab, a fresh digest on a card).
      message: `${current.decidedBy.name} recorded ${kind.describe(current)} after this was filled in.`,
    };
  }
  return saved.previous === undefined ? { ok: true, decision } : { ok: true, decision, previous: saved.previous };
}
