import type { CompiledAssessment } from "../assessment/compile/compiledAssessment";
import { formatCalendarDate } from "../assessment/time/formatDates";

/** "Change since 30 January 2026": the heading of the change columns; undefined for a first cycle. */
export function changeSinceHeading(compiled: CompiledAssessment): string | undefined {
  const previous = compiled.cycles?.at(-2);
  return previous ? `Change since ${formatCalendarDate(previous.completedOn)}` : undefined;
}
