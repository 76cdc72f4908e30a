import type { Answer, GlobalScoreAnswer } from "../answers/answer";
import type { AuditEntry } from "../audit/auditEntry";
import type { ActionItem } from "../actionPlan/actionItem";
import { plural } from "../text/plural";
import type { GlobalScoreDecision, ModerationDecision } from "../moderation/moderationDecision";

/** Everything one assessment holds by or about one person: what export shows and forget erases. */
export interface PersonRecords {
  aadObjectId: string;
  /** Their name as last recorded (or as mentioned); empty when unknown. */
  name: string;
  answers: readonly Answer[];
  globalScores: readonly GlobalScoreAnswer[];
  decisions: readonly ModerationDecision[];
  globalDecisions: readonly GlobalScoreDecision[];
  auditEntries: readonly AuditEntry[];
  /** Actions of the plan they own (set with the people picker on the action plan card). */
  ownedActions: readonly ActionItem[];
  /** Areas they lead. */
  leadOf: readonly number[];
  isCoordinator: boolean;
}

/** Area numbers their answers and scores are in, ascending. */
export function answeredAreas(records: PersonRecords): number[] {
  const areas = new Set([...records.answers, ...records.globalScores].map((record) => record.areaNumber));
  return [...areas].sort((a, b) => a - b);
}

/** What `forget` will do, in counts only: shown on the confirmation card and written to the audit. */
export function describeErasure(records: PersonRecords): string[] {
  const areas = answeredAreas(records);
  const decisions = records.decisions.length + records.globalDecisions.length;
  return [
    `${plural(records.answers.length, "answer")} will be deleted${areas.length > 0 ? ` (areas ${areas.join(", ")})` : ""}.`,
    `${plural(records.globalScores.length, "global score")} will be deleted.`,
    `${plural(decisions, "moderation decision")} they recorded will be kept as the group's agreed rating, shown as recorded by "(removed)".`,
    `${plural(records.ownedActions.length, "action")} of the action plan they own will be kept, owned by "(removed)".`,
    `${plural(records.leadOf.length, "area")} they lead${records.leadOf.length > 0 ? ` (${records.leadOf.join(", ")})` : ""} and ${plural(records.auditEntries.length, "audit entry", "audit entries")} will show "(removed)" instead of them.`,
    "This cannot be undone.",
  ];
}
