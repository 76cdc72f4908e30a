import type { Answer, GlobalScoreAnswer } from "../answers/answer";
import type { AreaAssignment } from "../groups/workingGroup";
import type { GlobalScoreDecision, ModerationDecision } from "../moderation/moderationDecision";
import type { CompileAssessmentInput } from "./compileAssessmentInput";
import { pickLatest } from "./pickLatest";

/** The records the compile works from: this assessment's, in the framework, latest version of each. */
export interface LatestRecords {
  /** One answer per member and statement, by area number. */
  answersByArea: Map<number, Answer[]>;
  /** One global score per member, by area number. */
  globalScoresByArea: Map<number, GlobalScoreAnswer[]>;
  /** By statement id. */
  decisions: Map<string, ModerationDecision>;
  /** By area number. */
  globalDecisions: Map<number, GlobalScoreDecision>;
  /** By area number. */
  assignments: Map<number, AreaAssignment>;
}

const SEP = "\u0000";

/**
 * Drops records of other assessments and of statements or areas the framework does not have, and
 * keeps the latest version of each. An answer's area is taken from its statement id, which is what
 * the framework defines, rather than from the areaNumber stored beside it.
 */
export function latestRecords(input: CompileAssessmentInput): LatestRecords {
  const assessmentId = input.details.id;
  const areaOfStatement = new Map(
    input.framework.areas.flatMap((area) => area.statements.map((s) => [s.id, area.number] as const)),
  );
  const areaNumbers = new Set(input.framework.areas.map((area) => area.number));
  const ours = <T extends { assessmentId: string }>(records: readonly T[]) =>
    records.filter((r) => r.assessmentId === assessmentId);
  const answers = pickLatest(
    ours(input.answers).filter((a) => areaOfStatement.has(a.statementId)),
    {
      keyOf: (a) => a.statementId + SEP + a.respondent.aadObjectId,
      instantOf: (a) => a.updatedAt,
      tieKeyOf: (a) => [a.rating, a.evidence, a.ideas, a.respondent.name].join(SEP),
    },
  );
  const globalScores = pickLatest(
    ours(input.globalScores).filter((s) => areaNumbers.has(s.areaNumber)),
    {
      keyOf: (s) => `${s.areaNumber}${SEP}${s.respondent.aadObjectId}`,
      instantOf: (s) => s.updatedAt,
      tieKeyOf: (s) => [s.score, s.respondent.name].join(SEP),
    },
  );
  return {
    answersByArea: groupBy([...answers.values()], (a) => areaOfStatement.get(a.statementId) ?? 0),
    globalScoresByArea: groupBy([...globalScores.values()], (s) => s.areaNumber),
    decisions: pickLatest(
      ours(input.decisions).filter((d) => areaOfStatement.has(d.statementId)),
      {
        keyOf: (d) => d.statementId,
        instantOf: (d) => d.decidedAt,
        tieKeyOf: (d) => [d.agreedRating, d.rationale, d.decidedBy.aadObjectId].join(SEP),
      },
    ),
    globalDecisions: byArea(
      pickLatest(
        ours(input.globalDecisions).filter((d) => areaNumbers.has(d.areaNumber)),
        {
          keyOf: (d) => String(d.areaNumber),
          instantOf: (d) => d.decidedAt,
          tieKeyOf: (d) => [d.agreedScore, d.rationale, d.decidedBy.aadObjectId].join(SEP),
        },
      ),
    ),
    assignments: byArea(
      pickLatest(
        ours(input.assignments).filter((a) => areaNumbers.has(a.areaNumber)),
        {
          keyOf: (a) => String(a.areaNumber),
          instantOf: (a) => a.assignedAt,
          tieKeyOf: (a) => [a.channel.teamId, a.channel.channelId, a.channel.channelName].join(SEP),
        },
      ),
    ),
  };
}

function byArea<T extends { areaNumber: number }>(latest: Map<string, T>): Map<number, T> {
  return new Map([...latest.values()].map((record) => [record.areaNumber, record]));
}

function groupBy<T>(records: readonly T[], keyOf: (record: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const record of records) {
    const key = keyOf(record);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return groups;
}
