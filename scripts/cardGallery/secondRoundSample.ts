import type { Answer } from "../../assessment/answers/answer";
import { analyseStatement } from "../../assessment/consensus/statementConsensus";
import type { StatementRound } from "../../assessment/rounds/statementRound";
import type { SampleAssessment } from "./sampleAssessment";

export interface SecondRoundSample {
  statementId: string;
  /** The area's answers after the round: the statement's first answerers moved to its proposed rating, the last kept theirs. */
  answers: Answer[];
  round: StatementRound;
}

/**
 * The sample area's first flagged statement after a second round, for the gallery: every member but
 * the last moves to the rating the group leans to, so the digest shows movement and agreement.
 */
export function secondRoundSample(sample: SampleAssessment): SecondRoundSample {
  const { records, area } = sample;
  const areaAnswers = records.answers.filter((answer) => answer.areaNumber === area.number);
  const flagged = area.statements.find(
    (statement) =>
      analyseStatement(
        {
          statementId: statement.id,
          answers: areaAnswers.filter((answer) => answer.statementId === statement.id),
          members: 3,
        },
        records.thresholds,
      ).flagged,
  );
  if (!flagged) throw new Error(`the sample area ${area.number} flags no statement: pick another seed or area`);
  const own = areaAnswers.filter((answer) => answer.statementId === flagged.id);
  const kept = own.at(-1);
  if (!kept) throw new Error(`statement ${flagged.id} has no answers`);
  const startedAt = "2026-03-20T09:00:00.000Z";
  const answers = areaAnswers.map((answer): Answer => {
    if (answer.statementId !== flagged.id) return answer;
    const { rating, evidence, ideas, updatedAt } = answer;
    return {
      ...answer,
      rating: answer === kept ? rating : kept.rating,
      updatedAt: "2026-03-21T10:00:00.000Z",
      round: 2,
      earlierRounds: [{ round: 1, rating, evidence, ideas, updatedAt }],
    };
  });
  const lead = records.assignments.find((assignment) => assignment.areaNumber === area.number)?.leads[0];
  if (!lead) throw new Error(`the sample area ${area.number} has no lead`);
  return {
    statementId: flagged.id,
    answers,
    round: {
      assessmentId: records.details.id,
      areaNumber: area.number,
      statementId: flagged.id,
      round: 2,
      startedBy: lead,
      startedAt,
    },
  };
}
