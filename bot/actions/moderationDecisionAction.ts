import type { Operation } from "../../assessment/roles/authorizationMatrix";
import { buildNoticeCard } from "../../cards/noticeCard";
import {
  recordModerationDecision,
  type Decided,
  type DecisionKind,
  type ModerationServices,
} from "../moderation/recordModerationDecision";
import { resolveCardTarget, type CardTarget, type CardTargetPorts } from "./cardIdentity";
import { decisionNotRecordedCard } from "./decisionNotRecordedCard";
import type { ActionContext, ActionHandler } from "./actionContext";

export type ModerationDecisionPorts = CardTargetPorts & ModerationServices;

type Context = ActionContext<ModerationDecisionPorts>;

/** What one decision verb (a statement's agreed rating, an area's agreed global score) says and reads. */
export interface DecisionVerb<T extends Decided, S> {
  operation: Operation;
  /** The refusal card's title. */
  notRecorded: string;
  /** What the decision is about, from the checked card: a statement (which the card must name) or the area. */
  statementRequired: boolean;
  subject: (target: Extract<CardTarget, { ok: true }>) => S | undefined;
  kind: (context: Context) => DecisionKind<T>;
  /** The decision's own fields as typed: the whole text, since limits apply to it, never to the echo's cut copy. */
  typed: (context: Context, subject: S) => Record<string, unknown>;
  /** What was typed, cut to its limits, given back with a refusal so nothing written in the meeting is lost. */
  echo: (context: Context, subject: S) => ReadonlyArray<{ label: string; text: string }>;
  /** The confirmation's title and lines. */
  recorded: (context: Context, subject: S, decision: T, previous: T | undefined) => { title: string; lines: string[] };
}

/**
 * A lead (from their personal chat or the group's channel) or the coordinator records a decision
 * from the digest: the card's area (and statement) and the caller's role are checked, the decision
 * goes through the shared moderation-decision service, and the answer is a confirmation or a refusal.
 */
export function moderationDecisionAction<T extends Decided, S>(
  verb: DecisionVerb<T, S>,
): ActionHandler<ModerationDecisionPorts> {
  return async (context) => {
    const target = await resolveCardTarget(context, verb.operation, { statementRequired: verb.statementRequired });
    if (!target.ok) return decisionNotRecordedCard(verb.notRecorded, target.message);
    const subject = verb.subject(target);
    if (subject === undefined) return decisionNotRecordedCard(verb.notRecorded, "Unknown statement.");
    const result = await recordModerationDecision(
      context.services,
      verb.kind(context),
      {
        assessmentId: target.assignment.assessmentId,
        areaNumber: target.assignment.areaNumber,
        ...verb.typed(context, subject),
        decidedBy: context.caller.person,
      },
      { replacing: replacingOf(context.data) },
    );
    if (!result.ok) {
      const message =
        result.reason === "changedSince"
          ? `${result.message} Open Moderation in the My assessment tab, or send "digest" for a fresh digest, to see it and record over it.`
          : result.message;
      return decisionNotRecordedCard(verb.notRecorded, message, verb.echo(context, subject));
    }
    return buildNoticeCard({ ...verb.recorded(context, subject, result.decision, result.previous), tone: "good" });
  };
}

/**
 * The decision the digest card showed when it was sent (its decidedAt, "" for none), so one recorded
 * since is not overwritten unseen; absent on digest cards sent before the card carried it: replace.
 */
function replacingOf(data: Readonly<Record<string, unknown>>): string | null | undefined {
  const shown = data["replacing"];
  if (typeof shown !== "string") return undefined;
  return shown === "" ? null : shown.slice(0, 64);
}
