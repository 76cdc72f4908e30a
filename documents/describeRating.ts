import type { CompiledAssessment, CompiledGlobalScore } from "../assessment/compile/compiledAssessment";
import type { RatingValue } from "../assessment/framework/frameworkSchema";
import { plural } from "../assessment/text/plural";

/** The framework's column heading for a rating, e.g. "Mostly agree"; empty for no rating. */
export function ratingLabel(compiled: CompiledAssessment, value: RatingValue | null): string {
  if (value === null) return "";
  return compiled.framework.scale.find((level) => level.value === value)?.label ?? String(value);
}

/** "7 / 10", "6.5 / 10 (provisional)" or "– / 10". */
export function formatGlobalScore(score: CompiledGlobalScore, max: number): string {
  if (score.value === null) return `– / ${max}`;
  return `${score.value} / ${max}${score.provisional ? " (provisional)" : ""}`;
}

/** How the area's global score was arrived at, in a sentence. */
export function describeGlobalScore(score: CompiledGlobalScore): string {
  if (score.source === "moderated" && score.moderation) {
    const why = score.moderation.rationale === "" ? "" : `: ${score.moderation.rationale}`;
    return `Agreed by ${score.moderation.decidedBy}${why}`;
  }
  if (score.source === "median") {
    const scores = `${plural(score.answered, "member's", "members'")} scores`;
    const flags = score.flags.length > 0 ? ` (${score.flags.join("; ")})` : "";
    return `Median of ${scores}${score.provisional ? ", not yet agreed" : ""}${flags}`;
  }
  return "No scores yet";
}
