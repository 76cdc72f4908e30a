import type { Answer, GlobalScoreAnswer } from "./answer";
import type { Person } from "./person";
import type { Area } from "../framework/frameworkSchema";

export interface AreaProgress {
  perStatement: Array<{ statementId: string; answered: number }>;
  globalScores: number;
  respondents: number;
  /** Roster members who have not answered every statement, with how many they have left. */
  notDone: Array<{ person: Person; missing: string[] }>;
}

/** Who has answered what in one area; `roster` is undefined when Teams could not tell us the members. */
export function areaProgress(
  area: Area,
  answers: readonly Answer[],
  scores: readonly GlobalScoreAnswer[],
  roster: readonly Person[] | undefined,
): AreaProgress {
  const answeredBy = new Map<string, Set<string>>();
  for (const answer of answers) {
    const set = answeredBy.get(answer.respondent.aadObjectId) ?? new Set<string>();
    set.add(answer.statementId);
    answeredBy.set(answer.respondent.aadObjectId, set);
  }
  const notDone = (roster ?? []).flatMap((person) => {
    const done = answeredBy.get(person.aadObjectId) ?? new Set<string>();
    const missing = area.statements.map((statement) => statement.id).filter((id) => !done.has(id));
    return missing.length > 0 ? [{ person, missing }] : [];
  });
  return {
    perStatement: area.statements.map((statement) => ({
      statementId: statement.id,
      answered: answers.filter((answer) => answer.statementId === statement.id).length,
    })),
    globalScores: scores.length,
    respondents: answeredBy.size,
    notDone,
  };
}
