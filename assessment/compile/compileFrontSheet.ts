import type { Person } from "../answers/person";
import type { CompileAssessmentInput } from "./compileAssessmentInput";
import type { FrontSheet } from "./compiledAssessment";
import { formatDate } from "../time/formatDates";
import { plural } from "../text/plural";
import { formatIsoDate } from "./localDate";

/** The compile's own details, instant and assignments (one per assigned area), with what it gathered from the records. */
export interface CompileFrontSheetInput extends Pick<CompileAssessmentInput, "details" | "compiledAt" | "assignments"> {
  /** When each answer and global score last changed, to say over what period the groups worked. */
  readonly answerInstants: readonly string[];
  /** Everyone on any record: answerers, scorers, leads, moderators (repeats allowed). */
  readonly people: readonly Person[];
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The framework's front sheet: who, when and how, in the coordinator's words where they gave them. */
export function compileFrontSheet(input: CompileFrontSheetInput): FrontSheet {
  const { details } = input;
  const method = details.completionMethod?.trim() ?? "";
  const roles = details.rolesInvolved?.trim() ?? "";
  return {
    localAuthority: details.localAuthority.trim(),
    dateCompleted: formatIsoDate(input.compiledAt, details.timeZone),
    completionMethod: method !== "" ? method : describeCompletion(input),
    completionMethodGenerated: method === "",
    peopleInvolved: new Set(input.people.map((person) => person.aadObjectId)).size,
    rolesInvolved: roles !== "" ? roles : null,
  };
}

/** e.g. "10 virtual working groups, one per area, over 6 weeks (first answer 3 March 2025 – last answer 11 April 2025)". */
export function describeCompletion(input: CompileFrontSheetInput): string {
  const channels = new Set(input.assignments.map((a) => `${a.channel.teamId}\u0000${a.channel.channelId}`)).size;
  const areas = new Set(input.assignments.map((a) => a.areaNumber)).size;
  if (channels === 0) return "No working groups were set up in Teams";
  const groups = plural(channels, "virtual working group");
  const layout = channels === areas ? "one per area" : `covering ${plural(areas, "area")}`;
  return `${groups}, ${layout}, ${describePeriod(input.answerInstants, input.details.timeZone)}`;
}

function describePeriod(instants: readonly string[], timeZone: string): string {
  // One pass, parsing each instant once: there can be 100k answers.
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const instant of instants) {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) continue;
    first = Math.min(first, ms);
    last = Math.max(last, ms);
  }
  if (first > last) return "with no answers yet";
  // A group that answered within a few days still worked for "1 week", never "0 weeks".
  const weeks = Math.max(1, Math.ceil((last - first) / WEEK_MS));
  const date = (ms: number) => formatDate(new Date(ms).toISOString(), timeZone);
  return `over ${plural(weeks, "week")} (first answer ${date(first)} – last answer ${date(last)})`;
}
