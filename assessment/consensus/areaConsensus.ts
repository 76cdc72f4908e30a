import type { Answer, GlobalScoreAnswer } from "../answers/answer";
import { DEFAULT_CONSENSUS_THRESHOLDS, type ConsensusThresholds } from "./consensusThresholds";
import { analyseGlobalScores, type GlobalScoreConsensus } from "./globalScoreConsensus";
import { analyseStatement, type StatementConsensus } from "./statementConsensus";

export interface AreaConsensusInput {
  readonly areaNumber: number;
  readonly statementIds: readonly string[];
  /** Answers for this area; answers to statements not in statementIds are ignored. */
  readonly answers: readonly Answer[];
  readonly globalScores: readonly Pick<GlobalScoreAnswer, "score">[];
  readonly members: number;
  readonly globalScoreMax: number;
}

export interface AreaConsensus {
  areaNumber: number;
  /** In statementIds order. */
  statements: StatementConsensus[];
  /** Whole percent (0..100) of member × statement cells answered. */
  answeredPercent: number;
  /** Statements with at least one flag. */
  flaggedCount: number;
  globalScore: GlobalScoreConsensus;
}

export function analyseArea(
  input: AreaConsensusInput,
  thresholds: ConsensusThresholds = DEFAULT_CONSENSUS_THRESHOLDS,
): AreaConsensus {
  const statements = input.statementIds.map((statementId) =>
    analyseStatement(
      {
        statementId,
        answers: input.answers.filter((answer) => answer.statementId === statementId),
        members: input.members,
      },
      thresholds,
    ),
  );
  const answeredCells = statements.reduce((sum, statement) => sum + statement.answered, 0);
  return {
    areaNumber: input.areaNumber,
    statements,
    answeredPercent: answeredPercent(answeredCells, input.members * statements.length),
    flaggedCount: statements.filter((statement) => statement.flagged).length,
    globalScore: analyseGlobalScores(
      {
        globalScores: input.globalScores,
        globalScoreMax: input.globalScoreMax,
        consensusRatings: statements.map((s) => s.consensusRating),
      },
      thresholds,
    ),
  };
}

/**
 * Rounded down so 100% means every cell is answered. Clamped because someone who answered and then
 * left the channel still has answers, so answers can outnumber the current members' cells.
 */
function answeredPercent(answered: number, cells: number): number {
  if (cells <= 0) return 0;
  return Math.min(100, Math.floor((answered * 100) / cells));
}
