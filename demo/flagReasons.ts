import type { CompiledAssessment } from "../assessment/compile/compiledAssessment";
import type { ConsensusFlagCode } from "../assessment/consensus/consensusFlag";
import type { ConsensusThresholds } from "../assessment/consensus/consensusThresholds";
import { analyseStatement } from "../assessment/consensus/statementConsensus";
import type { RatingValue } from "../assessment/framework/frameworkSchema";

const RATINGS: readonly RatingValue[] = [1, 2, 3, 4];

/**
 * Why statements of the compiled assessment count as disagreement under `thresholds`: flagged
 * statements, and per reason how many carry it (a statement can carry several) and how many carry
 * only it. Worked out again from each statement's rating distribution, which is all the
 * disagreement tests read, so the same run can be judged under another rule (such as the old one).
 */
export function flagReasons(
  compiled: CompiledAssessment,
  thresholds: ConsensusThresholds,
  areaNumbers: ReadonlySet<number>,
) {
  const reasons = new Map<ConsensusFlagCode, { any: number; only: number }>();
  let flagged = 0;
  for (const area of compiled.areas.filter((candidate) => areaNumbers.has(candidate.number))) {
    for (const statement of area.statements) {
      const answers = RATINGS.flatMap((rating) =>
        Array.from({ length: statement.distribution[rating] }, () => ({ rating, evidence: "e" })),
      );
      const codes = analyseStatement(
        { statementId: statement.id, answers, members: area.members },
        thresholds,
      ).flags.map((flag) => flag.code);
      if (codes.length === 0) continue;
      flagged += 1;
      for (const code of codes) {
        const counts = reasons.get(code) ?? { any: 0, only: 0 };
        counts.any += 1;
        if (codes.length === 1) counts.only += 1;
        reasons.set(code, counts);
      }
    }
  }
  return { flagged, reasons };
}

/** "12 flagged: bothSidesOfLine 10 (4 only), wideSpread 5 (0 only)" */
export function formatFlagReasons(result: ReturnType<typeof flagReasons>): string {
  const parts = [...result.reasons.entries()].map(([code, counts]) => `${code} ${counts.any} (${counts.only} only)`);
  return `${result.flagged} flagged${parts.length > 0 ? `: ${parts.join(", ")}` : ""}`;
}
