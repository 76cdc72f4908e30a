import type { RatingValue } from "../framework/frameworkSchema";
import type {
  AssessmentSummary,
  CompiledArea,
  CompiledStatement,
  PriorityForAction,
  StatementReference,
  UnresolvedItem,
} from "./compiledAssessment";
import { plural } from "../text/plural";

/**
 * The framework's two readings of a completed self-assessment (strengths, priorities for action)
 * plus what still stops it being final. Provisional ratings count towards strengths and priorities
 * so a draft compile is already useful; they are also listed as unresolved, and carry their source.
 */
export function summariseAssessment(areas: readonly CompiledArea[], globalScoreMax: number): AssessmentSummary {
  const strengths: StatementReference[] = [];
  const priorities: PriorityForAction[] = [];
  for (const area of areas) {
    for (const statement of area.statements) {
      const reference = referenceTo(area.number, statement);
      if (reference === null) continue;
      if (reference.agreedRating === 4) strengths.push(reference);
      if (reference.agreedRating <= 2) priorities.push({ ...reference, ideas: statement.ideas });
    }
  }
  const unresolved = areas.flatMap((area) => unresolvedIn(area, globalScoreMax));
  return { strengths, priorities, unresolved, complete: unresolved.length === 0 };
}

function referenceTo(areaNumber: number, statement: CompiledStatement): StatementReference | null {
  if (statement.agreedRating === null) return null;
  const agreedRating: RatingValue = statement.agreedRating;
  return {
    areaNumber,
    statementId: statement.id,
    text: statement.text,
    agreedRating,
    ratingSource: statement.ratingSource,
  };
}

function unresolvedIn(area: CompiledArea, globalScoreMax: number): UnresolvedItem[] {
  const items: UnresolvedItem[] = [];
  const unanswered = area.statements.filter((statement) => statement.ratingSource === "unanswered");
  if (area.group === null) {
    items.push({
      kind: "noGroup",
      areaNumber: area.number,
      statementId: null,
      description: `Area ${area.number} has no working group (${unanswered.length} of ${plural(area.statements.length, "statement")} unanswered)`,
    });
  }
  for (const statement of area.statements) {
    const item = unresolvedStatement(area, statement);
    if (item) items.push(item);
  }
  const globalItem = unresolvedGlobalScore(area, globalScoreMax);
  if (globalItem) items.push(globalItem);
  return items;
}

/** Without a group, the one "no working group" item already says its statements are unanswered. */
function unresolvedStatement(area: CompiledArea, statement: CompiledStatement): UnresolvedItem | null {
  const at = { areaNumber: area.number, statementId: statement.id };
  if (statement.ratingSource === "provisional") {
    const why = statement.flags.length > 0 ? `: ${statement.flags.join("; ")}` : "";
    return { kind: "provisionalRating", ...at, description: `${statement.id} not yet moderated${why}` };
  }
  if (statement.ratingSource === "unanswered" && area.group !== null) {
    return { kind: "unanswered", ...at, description: `${statement.id} has no answers` };
  }
  return null;
}

function unresolvedGlobalScore(area: CompiledArea, max: number): UnresolvedItem | null {
  const at = { areaNumber: area.number, statementId: null };
  const score = area.globalScore;
  if (score.source === "none" && area.group !== null) {
    return { kind: "noGlobalScore", ...at, description: `Area ${area.number} has no global score` };
  }
  if (score.provisional) {
    const why = score.flags.length > 0 ? `: ${score.flags.join("; ")}` : " (too few scores)";
    return {
      kind: "provisionalGlobalScore",
      ...at,
      description: `Area ${area.number} global score ${score.value}/${max} not yet agreed${why}`,
    };
  }
  return null;
}
