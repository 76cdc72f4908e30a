import { REMOVED_PERSON_NAME, type Person } from "../answers/person";
import type { ActionItem } from "../actionPlan/actionItem";
import type { AuditEntry } from "../audit/auditEntry";
import type { AreaAssignment } from "../groups/workingGroup";

/**
 * Who an erased person becomes on records that stay (decisions, assignments, the audit trail):
 * no name and no id that could be traced back, while the record itself keeps its meaning.
 */
export const REMOVED_PERSON: Person = { aadObjectId: "removed", teamsUserId: "removed", name: REMOVED_PERSON_NAME };

/** The record with the person replaced, or undefined when it does not mention them. */
export function redactDecider<T extends { decidedBy: Person }>(record: T, aadObjectId: string): T | undefined {
  return record.decidedBy.aadObjectId === aadObjectId ? { ...record, decidedBy: REMOVED_PERSON } : undefined;
}

/** A statement they sent back for another round: the round stays, started by the placeholder. */
export function redactRoundStarter<T extends { startedBy: Person }>(record: T, aadObjectId: string): T | undefined {
  return record.startedBy.aadObjectId === aadObjectId ? { ...record, startedBy: REMOVED_PERSON } : undefined;
}

/**
 * An area they led: dropped from the leads when others remain; the only lead becomes the
 * placeholder (an assignment needs a lead) until the coordinator assigns a new one.
 */
export function redactAssignment(assignment: AreaAssignment, aadObjectId: string): AreaAssignment | undefined {
  const wasLead = assignment.leads.some((lead) => lead.aadObjectId === aadObjectId);
  const wasAssigner = assignment.assignedBy === aadObjectId;
  if (!wasLead && !wasAssigner) return undefined;
  const others = assignment.leads.filter((lead) => lead.aadObjectId !== aadObjectId);
  return {
    ...assignment,
    leads: others.length > 0 ? others : [REMOVED_PERSON],
    assignedBy: wasAssigner ? REMOVED_PERSON.aadObjectId : assignment.assignedBy,
  };
}

/** An action they own or last updated, with them replaced (it keeps having an owner), or undefined. */
export function redactActionItem(item: ActionItem, aadObjectId: string): ActionItem | undefined {
  const owned = item.owner?.aadObjectId === aadObjectId;
  if (!owned && item.updatedBy !== aadObjectId) return undefined;
  return {
    ...item,
    ...(owned ? { owner: REMOVED_PERSON } : {}),
    updatedBy: item.updatedBy === aadObjectId ? REMOVED_PERSON.aadObjectId : item.updatedBy,
  };
}

/** True when an audit entry is by or about the person (their id as actor or inside its summaries). */
export function auditMentions(entry: AuditEntry, aadObjectId: string): boolean {
  return [entry.actorAadObjectId, entry.target, entry.before ?? "", entry.after ?? ""].some((text) =>
    text.includes(aadObjectId),
  );
}

/** The entry with every occurrence of their id replaced, or undefined when it does not mention them. */
export function redactAuditEntry(entry: AuditEntry, aadObjectId: string): AuditEntry | undefined {
  if (!auditMentions(entry, aadObjectId)) return undefined;
  const scrub = (text: string) => text.replaceAll(aadObjectId, REMOVED_PERSON.aadObjectId);
  return {
    ...entry,
    actorAadObjectId: scrub(entry.actorAadObjectId),
    target: scrub(entry.target),
    ...(entry.before === undefined ? {} : { before: scrub(entry.before) }),
    ...(entry.after === undefined ? {} : { after: scrub(entry.after) }),
  };
}
