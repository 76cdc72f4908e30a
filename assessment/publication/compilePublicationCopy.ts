import type { Person } from "../answers/person";
import { compileAssessment } from "../compile/compileAssessment";
import type { CompileAssessmentInput } from "../compile/compileAssessmentInput";
import type {
  AttributedComment,
  CompiledActionTracking,
  CompiledArea,
  CompiledAssessment,
  CompiledStatement,
  ModerationNote,
} from "../compile/compiledAssessment";
import { personalDataRedactor, type Redactor } from "./redactPersonalData";

/**
 * The copy a council can publish: compiled anonymously ("Member 1", "Moderator"), then every piece
 * of free text anyone typed (evidence, ideas, rationales, channel names, the front sheet's words,
 * the young people's source note) redacted of everyone's names on any record, e-mail addresses and
 * UK phone numbers.
 */
export function compilePublicationCopy(input: CompileAssessmentInput): CompiledAssessment {
  const compiled = compileAssessment({ ...input, attribution: "anonymous" });
  const redact = personalDataRedactor(namesIn(input));
  const areas = compiled.areas.map((area) => redactArea(area, redact));
  const frontSheet = compiled.frontSheet;
  const copy: CompiledAssessment = {
    ...compiled,
    frontSheet: {
      ...frontSheet,
      completionMethod: redact(frontSheet.completionMethod),
      rolesInvolved: frontSheet.rolesInvolved === null ? null : redact(frontSheet.rolesInvolved),
    },
    areas,
    summary: {
      ...compiled.summary,
      priorities: compiled.summary.priorities.map((priority) => ({
        ...priority,
        ideas: redactComments(priority.ideas, redact),
      })),
    },
  };
  if (compiled.youngPeopleSource !== undefined) copy.youngPeopleSource = redact(compiled.youngPeopleSource);
  if (compiled.actionTracking !== undefined) copy.actionTracking = withoutOwnerNames(compiled.actionTracking);
  return copy;
}

/** What the publication copy shows for an action that has an owner: that it has one, not who. */
const OWNER_ASSIGNED = "Assigned";

function withoutOwnerNames(tracking: Record<string, CompiledActionTracking>): Record<string, CompiledActionTracking> {
  return Object.fromEntries(
    Object.entries(tracking).map(([statementId, item]) => [
      statementId,
      { ...item, owner: item.owner === "" ? "" : OWNER_ASSIGNED },
    ]),
  );
}

/** Everyone the stored records name: answerers, scorers, leads, moderators, action owners. */
function namesIn(input: CompileAssessmentInput): string[] {
  const people: Person[] = [
    ...input.answers.map((answer) => answer.respondent),
    ...input.globalScores.map((score) => score.respondent),
    ...input.assignments.flatMap((assignment) => assignment.leads),
    ...input.decisions.map((decision) => decision.decidedBy),
    ...input.globalDecisions.map((decision) => decision.decidedBy),
    ...(input.actionItems ?? []).flatMap((item) => (item.owner ? [item.owner] : [])),
  ];
  return people.map((person) => person.name);
}

function redactArea(area: CompiledArea, redact: Redactor): CompiledArea {
  return {
    ...area,
    group: area.group === null ? null : redact(area.group),
    statements: area.statements.map((statement) => redactStatement(statement, redact)),
    globalScore: { ...area.globalScore, moderation: redactNote(area.globalScore.moderation, redact) },
  };
}

function redactStatement(statement: CompiledStatement, redact: Redactor): CompiledStatement {
  return {
    ...statement,
    evidence: redactComments(statement.evidence, redact),
    ideas: redactComments(statement.ideas, redact),
    agreedEvidence: statement.agreedEvidence === null ? null : redact(statement.agreedEvidence),
    agreedIdeas: statement.agreedIdeas === null ? null : redact(statement.agreedIdeas),
    moderation: redactNote(statement.moderation, redact),
  };
}

function redactComments(comments: readonly AttributedComment[], redact: Redactor): AttributedComment[] {
  return comments.map((comment) => ({ ...comment, text: redact(comment.text) }));
}

function redactNote(note: ModerationNote | null, redact: Redactor): ModerationNote | null {
  return note === null ? null : { ...note, rationale: redact(note.rationale) };
}
