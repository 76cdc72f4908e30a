import { HeadingLevel, Paragraph, TextRun } from "docx";
import type { CompiledAssessment } from "../../assessment/compile/compiledAssessment";
import { formatDate } from "../../assessment/time/formatDates";

/** How the assessment was done, in a few bullets: groups, people and roles, dates, the consensus rule and its thresholds. */
export function methodsNote(compiled: CompiledAssessment): Paragraph[] {
  const { frontSheet } = compiled;
  const groups = new Set(compiled.areas.flatMap((area) => (area.group === null ? [] : [area.group]))).size;
  const people = `${frontSheet.peopleInvolved} ${frontSheet.peopleInvolved === 1 ? "person" : "people"} took part (members, leads and moderators)`;
  const lines = [
    `Working groups: ${groups} of the ${compiled.areas.length} areas had a virtual working group in Microsoft Teams. ${frontSheet.completionMethod}.`,
    frontSheet.rolesInvolved === null ? `${people}.` : `${people}. Roles: ${frontSheet.rolesInvolved}`,
    `Compiled on ${formatDate(compiled.compiledAt, compiled.timeZone)}; ratings not yet agreed by then are marked provisional.`,
    ...consensusLines(compiled),
  ];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun("How the assessment was done")] }),
    ...lines.map(
      (line) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(line.replace(/\.\.$/, "."))] }),
    ),
  ];
}

function consensusLines(compiled: CompiledAssessment): string[] {
  const { thresholds, description } = compiled.consensusRule;
  return [
    `Each member rated each statement of their area alone, without seeing others' ratings. The rule applied: ${description} Statements without disagreement stood as the group's view (the majority rating where ratings were adjacent); the group's lead moderated every disagreement and recorded the agreed rating.`,
    `Each area's global score is the agreed score, else the median of members' scores, flagged for moderation when it is more than ${thresholds.globalScoreTolerance} points from what the statement ratings suggest.`,
  ];
}
