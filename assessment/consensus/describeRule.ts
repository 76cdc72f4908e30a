import type { ConsensusThresholds } from "./consensusThresholds";
import { plural } from "../text/plural";
import { sharePercent } from "./sharePercent";

/**
 * The consensus rule in plain English, one bullet per string, for the README and the digest
 * footer. Built from the thresholds in force so what leads read is what the bot applies.
 */
export function describeConsensusRule(thresholds: ConsensusThresholds): string[] {
  return [
    `A statement is flagged for moderation (disagreement) when ${disagreementConditions(thresholds).join(", or ")}.`,
    "Adjacent ratings on the same side of the line (say 3 and 4) are near agreement: not flagged, and the majority rating is proposed as the agreed rating. When ratings tie for most common, the median rounded down is proposed, so the self-assessment does not over-claim.",
    `Notes, not disagreements: Agree given without evidence (the framework says Agree needs strong evidence), and fewer than ${thresholds.quorum} ${thresholds.quorum === 1 ? "answer" : "answers"} on a statement.`,
    thresholds.extraRounds === 0
      ? "There is no second round: a lead settles each flagged statement."
      : `A lead may send a flagged statement back to the group ${thresholds.extraRounds === 1 ? "once" : `up to ${thresholds.extraRounds} times`}: each member who answered sees the group's ratings and reasons (without names) and confirms or changes their own; the latest round counts.`,
    `An area's median global score is noted when it is more than ${plural(thresholds.globalScoreTolerance, "point")} from what the statement ratings suggest (all Disagree suggests 0, all Agree the top score), and members' global scores when they span more than ${plural(thresholds.globalScoreTolerance, "point")}.`,
  ];
}

/** One line naming the rule in force, for the digest and the compiled documents. */
export function consensusRuleLine(thresholds: ConsensusThresholds): string {
  const spread = thresholds.maxRange < 3 ? `, a spread of ${plural(thresholds.maxRange + 1, "point")} or more` : "";
  const share =
    thresholds.modalShareMin > 0
      ? `, or from ${thresholds.minAnswersForModalShare} answers under ${sharePercent(thresholds.modalShareMin)}% on the most common rating`
      : "";
  const rounds =
    thresholds.extraRounds === 0
      ? "no second round"
      : `up to ${plural(thresholds.extraRounds, "extra round")} for flagged statements`;
  return `Disagreement = ratings on both sides of the agree/disagree line${spread}${share}; quorum ${thresholds.quorum}; ${rounds}.`;
}

function disagreementConditions(thresholds: ConsensusThresholds): string[] {
  const conditions = [
    "ratings fall on both sides of the agree/disagree line (some Agree or Mostly agree, some Mostly disagree or Disagree)",
  ];
  // The widest possible range is 3 (1 to 4), so with maxRange 3 the spread test never fires: leave it out.
  if (thresholds.maxRange < 3) conditions.push(`ratings span ${plural(thresholds.maxRange + 1, "point")} or more`);
  // With a threshold of 0 no share can fall below it.
  if (thresholds.modalShareMin > 0) {
    const minimum = thresholds.minAnswersForModalShare;
    const who = plural(minimum, "member has", "members have");
    conditions.push(
      `once at least ${who} answered, fewer than ${sharePercent(thresholds.modalShareMin)}% chose the most common rating`,
    );
  }
  return conditions;
}
