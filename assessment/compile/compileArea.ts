import type { Answer, GlobalScoreAnswer } from "../answers/answer";
import { analyseArea, type AreaConsensus } from "../consensus/areaConsensus";
import type { ConsensusThresholds } from "../consensus/consensusThresholds";
import type { Area } from "../framework/frameworkSchema";
import type { AreaAssignment } from "../groups/workingGroup";
import type { GlobalScoreDecision, ModerationDecision } from "../moderation/moderationDecision";
import type { AttributionMode, CompiledArea, CompiledStatement } from "./compiledAssessment";
import { compileGlobalScore } from "./compileGlobalScore";
import { compileStatement } from "./compileStatement";
import { buildMemberDirectory, type MemberDirectory } from "./memberDirectory";

export interface CompileAreaInput {
  readonly area: Area;
  readonly assignment: AreaAssignment | undefined;
  /** This area's answers, already one per member and statement. */
  readonly answers: readonly Answer[];
  /** This area's global scores, already one per member. */
  readonly globalScores: readonly GlobalScoreAnswer[];
  /** By statement id. */
  readonly decisions: ReadonlyMap<string, ModerationDecision>;
  readonly globalDecision: GlobalScoreDecision | undefined;
  /** Working-group size; undefined counts the members who answered. */
  readonly members: number | undefined;
  readonly globalScoreMax: number;
  readonly youngPeopleScore: number | undefined;
  readonly attribution: AttributionMode;
  readonly thresholds: ConsensusThresholds;
}

export function compileArea(input: CompileAreaInput): CompiledArea {
  const { area, thresholds, attribution } = input;
  const directory = buildMemberDirectory(
    [
      ...input.answers.map((a) => ({ person: a.respondent, at: a.updatedAt })),
      ...input.globalScores.map((s) => ({ person: s.respondent, at: s.updatedAt })),
    ],
    attribution,
  );
  const members = input.members ?? directory.size;
  const consensus = analyseArea(
    {
      areaNumber: area.number,
      statementIds: area.statements.map((statement) => statement.id),
      answers: input.answers,
      globalScores: input.globalScores,
      members,
      globalScoreMax: input.globalScoreMax,
    },
    thresholds,
  );
  const compiled: CompiledArea = {
    number: area.number,
    title: area.title,
    globalLine: area.globalLine,
    group: groupName(input.assignment),
    members,
    answeredPercent: consensus.answeredPercent,
    statements: compileStatements(input, consensus, directory),
    globalScore: compileGlobalScore({
      consensus: consensus.globalScore,
      decision: input.globalDecision,
      members,
      attribution,
      thresholds,
    }),
  };
  // Only set when given, so a compiled model without young people's scores has no such key at all.
  if (input.youngPeopleScore !== undefined) compiled.youngPeopleScore = input.youngPeopleScore;
  return compiled;
}

function compileStatements(
  input: CompileAreaInput,
  consensus: AreaConsensus,
  directory: MemberDirectory,
): CompiledStatement[] {
  const answersByStatement = groupByStatement(input.answers);
  const consensusById = new Map(consensus.statements.map((statement) => [statement.statementId, statement]));
  return input.area.statements.map((statement) =>
    compileStatement({
      statement,
      consensus: requireConsensus(consensusById.get(statement.id), statement.id),
      answers: answersByStatement.get(statement.id) ?? [],
      decision: input.decisions.get(statement.id),
      members: directory,
      attribution: input.attribution,
      thresholds: input.thresholds,
    }),
  );
}

/** Teams may not have told us the channel's name; the group still exists, so name it after its area. */
function groupName(assignment: AreaAssignment | undefined): string | null {
  if (!assignment) return null;
  return assignment.channel.channelName.trim() || `Area ${assignment.areaNumber} working group`;
}

/** analyseArea returns one summary per statement id it is given; anything else is a bug, not bad data. */
function requireConsensus<T>(consensus: T | undefined, statementId: string): T {
  if (consensus === undefined) throw new Error(`no consensus summary for statement ${statementId}`);
  return consensus;
}

function groupByStatement(answers: readonly Answer[]): Map<string, Answer[]> {
  const groups = new Map<string, Answer[]>();
  for (const answer of answers) {
    const group = groups.get(answer.statementId);
    if (group) group.push(answer);
    else groups.set(answer.statementId, [answer]);
  }
  return groups;
}
