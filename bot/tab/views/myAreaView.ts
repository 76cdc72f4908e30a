import { ANSWER_LIMITS } from "../../../assessment/answers/answerLimits";
import type { Area } from "../../../assessment/framework/frameworkSchema";
import type { AreaAssignment } from "../../../assessment/groups/workingGroup";
import type { Ports } from "../../app/botServices";
import type { MyAreaView } from "../tabApiContract";

/**
 * What a member sees for one area: every statement with its answer count and their own answer
 * (never anyone else's rating: no anchoring before moderation, as on the cards), and their global score.
 */
export async function myAreaView(
  services: Ports<"framework", "responses" | "moderation">,
  assignment: AreaAssignment,
  area: Area,
  person: { aadObjectId: string; timeZone: string },
): Promise<MyAreaView> {
  const { aadObjectId } = person;
  const { storage, framework } = services;
  const [answers, scores, rounds] = await Promise.all([
    storage.responses.listAreaAnswers(assignment.assessmentId, area.number),
    storage.responses.listAreaGlobalScores(assignment.assessmentId, area.number),
    storage.moderation.listRounds(assignment.assessmentId),
  ]);
  const roundOf = new Map(rounds.map((round) => [round.statementId, round.round]));
  const mine = new Map(
    answers
      .filter((answer) => answer.respondent.aadObjectId === aadObjectId)
      .map((answer) => [answer.statementId, answer]),
  );
  return {
    area: {
      number: area.number,
      title: area.title,
      status: assignment.status,
      globalLine: `${framework.globalLinePrefix} ${area.globalLine}`,
    },
    timeZone: person.timeZone,
    prompts: {
      statement: framework.statementPrompt,
      evidence: framework.evidencePrompt,
      ideas: framework.ideasPrompt,
      globalScore: framework.globalScorePrompt,
    },
    scale: framework.scale.map((level) => ({ value: level.value, label: level.label, guide: level.guide })),
    limits: { evidenceMaxChars: ANSWER_LIMITS.evidenceMaxChars, ideasMaxChars: ANSWER_LIMITS.ideasMaxChars },
    statements: area.statements.map((statement) => {
      const own = mine.get(statement.id);
      const round = roundOf.get(statement.id);
      return {
        id: statement.id,
        text: statement.text,
        answeredCount: answers.filter((answer) => answer.statementId === statement.id).length,
        ...(round === undefined ? {} : { round }),
        ...(own
          ? {
              mine: {
                rating: own.rating,
                evidence: own.evidence,
                ideas: own.ideas,
                updatedAt: own.updatedAt,
                round: own.round ?? 1,
              },
            }
          : {}),
      };
    }),
    globalScore: {
      max: framework.globalScoreMax,
      answeredCount: scores.length,
      mine: scores.find((score) => score.respondent.aadObjectId === aadObjectId)?.score,
    },
  };
}
