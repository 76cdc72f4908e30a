import type { Answer, EarlierRound } from "../answers/answer";

/** What one member answered in a given round, or undefined when they gave no answer in it. */
export function answerInRound(answer: Answer, round: number): EarlierRound | undefined {
  if ((answer.round ?? 1) === round) {
    const { rating, evidence, ideas, updatedAt } = answer;
    return { round, rating, evidence, ideas, updatedAt };
  }
  return answer.earlierRounds?.find((earlier) => earlier.round === round);
}

/**
 * The answers as they stood at the end of a round: each member's answer in that round, else their
 * latest answer before it (a member who skipped a round keeps their earlier rating, as Delphi
 * panels do). Members whose first answer came later are left out.
 */
export function answersAsOfRound(answers: readonly Answer[], round: number): Answer[] {
  return answers.flatMap((answer) => {
    if ((answer.round ?? 1) <= round) return [answer];
    const earlier = [...(answer.earlierRounds ?? [])].reverse().find((candidate) => candidate.round <= round);
    if (!earlier) return [];
    const { rating, evidence, ideas, updatedAt } = earlier;
    return [{ ...answer, rating, evidence, ideas, updatedAt, round: earlier.round, earlierRounds: undefined }];
  });
}
