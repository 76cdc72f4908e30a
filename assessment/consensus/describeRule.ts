import type { ConsensusThresholds } from "./consensusThresholds";
import { plural } from "../text/plural";
import { sharePercentUp } from "./sharePercent";

/**
 * The consensus rule in plain English, one bullet per string, for the README and the digest
 * footer. Built from the thresholds in force so what leads read is what the bot applies.
 */
export function describeConsensusRule(thresholds: ConsensusThresholds): string[] {
  return [
    "Consensus follows Delphi-style criteria: enough members must choose the same rating (a percentage-agreement threshold on the most common rating), the ratings must sit close together (a maximum spread), and they must not split across the agree/disagree line.",
    `A statement needs moderation when ${disagreementConditions(thresholds).join(", or ")}.`,
    "The group's rating is the most common rating; when ratings tie for most common, it is the median rounded down, so the self-assessment does not over-claim.",
    "Agree without evidence is flagged: the framework says Agree needs strong evidence.",
    `Fewer than ${thresholds.quorum} ${thresholds.quorum === 1 ? "answer" : "answers"} on a statement is flagged as too few to call it the group's view.`,
    `An area's median global score is flagged when it is more than ${plural(thresholds.globalScoreTolerance, "point")} from what the statement ratings suggest (all Disagree suggests 0, all Agree the top score), and members' global scores are flagged when they span more than ${plural(thresholds.globalScoreTolerance, "point")}.`,
  ];
}

function disagreementConditions(thresholds: ConsensusThresholds): string[] {
  const conditions = ["ratings fall on both sides of the agree/disagree line (some Agree or Mostly agree, some Mostly disagree or Disagree)"];
  // The widest possible range is 3 (1 to 4), so with maxRange 3 the spread test never fires: leave it out.
  if (thresholds.maxRange < 3) conditions.push(`ratings span ${plural(thresholds.maxRange + 1, "point")} or more`);
  // With a threshold of 0 no share can fall below it.
  if (thresholds.modalShareMin > 0) {
    const minimum = thresholds.minAnswersForModalShare;
    const who = plural(minimum, "member has", "members have");
    conditions.push(`once at least ${who} answered, fewer than ${sharePercentUp(thresholds.modalShareMin)}% chose the most common rating`);
  }
  return conditions;
}
