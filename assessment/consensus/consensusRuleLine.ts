import type { ConsensusThresholds } from "./consensusThresholds";
import { plural } from "../text/plural";
import { sharePercent } from "./sharePercent";

/** One line naming the rule in force, for the digest and the compiled documents. */
export function consensusRuleLine(thresholds: ConsensusThresholds): string {
  // The widest possible range is 3 (1 to 4), so with maxRange 3 the spread test never fires: leave it out.
  const spread = thresholds.maxRange < 3 ? `, a spread of ${plural(thresholds.maxRange + 1, "point")} or more` : "";
  // With a threshold of 0 no share can fall below it.
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
