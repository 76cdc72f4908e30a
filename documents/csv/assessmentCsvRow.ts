import type { AttributedComment, CompiledAssessment, RatingSource } from "../../assessment/compile/compiledAssessment";
import type { RatingValue } from "../../assessment/framework/frameworkSchema";
import type { Change } from "../../assessment/cycles/change";
import { ratingLabel } from "../describeRating";
import {
  changeCodec,
  scoreCodec,
  countCodec,
  listCodec,
  ratingCodec,
  singleLine,
  sourceCodec,
  textCodec,
  yesNoCodec,
  type CsvColumns,
} from "./csvCodecs";

/** One statement as a CSV row: what a council analyst filters and pivots on. */
export interface AssessmentCsvRow {
  areaNumber: number;
  areaTitle: string;
  statementId: string;
  statementText: string;
  agreedRating: RatingValue | null;
  ratingLabel: string;
  source: RatingSource;
  provisional: boolean;
  answered: number;
  rated4: number;
  rated3: number;
  rated2: number;
  rated1: number;
  /** The latest round of rating (2 after a second round). */
  round: number;
  /** "Round 1: 4×1 · 2×1 · 1×1", one per earlier round. */
  earlierRounds: string[];
  flags: string[];
  /** "comment (Member 1; Member 3)", one per merged comment. */
  evidence: string[];
  ideas: string[];
  rationale: string;
  /** The area's agreed (or median) global score, repeated on each of its rows (what an import reads back). */
  globalScore: number | null;
  /** The previous cycle's agreed rating and global score; blank in a first cycle. */
  previousRating: RatingValue | null;
  change: Change;
  previousGlobalScore: number | null;
  globalScoreChange: Change;
  /** The group's agreed text recorded with the decision; empty where none. Last, so earlier columns keep their places. */
  agreedEvidence: string;
  agreedIdeas: string;
}

/** In file order; the one place both writing and reading take headers and formats from. */
export const ASSESSMENT_CSV_COLUMNS: CsvColumns<AssessmentCsvRow> = {
  areaNumber: { header: "Area", codec: countCodec },
  areaTitle: { header: "Area title", codec: textCodec },
  statementId: { header: "Statement", codec: textCodec },
  statementText: { header: "Statement text", codec: textCodec },
  agreedRating: { header: "Agreed rating", codec: ratingCodec },
  ratingLabel: { header: "Rating label", codec: textCodec },
  source: { header: "Source", codec: sourceCodec },
  provisional: { header: "Provisional", codec: yesNoCodec },
  answered: { header: "Answered", codec: countCodec },
  rated4: { header: "Rated 4", codec: countCodec },
  rated3: { header: "Rated 3", codec: countCodec },
  rated2: { header: "Rated 2", codec: countCodec },
  rated1: { header: "Rated 1", codec: countCodec },
  round: { header: "Round", codec: countCodec },
  earlierRounds: { header: "Earlier rounds", codec: listCodec },
  flags: { header: "Flags", codec: listCodec },
  evidence: { header: "Evidence (how do we know this?)", codec: listCodec },
  ideas: { header: "Ideas for improvement", codec: listCodec },
  rationale: { header: "Moderation rationale", codec: textCodec },
  globalScore: { header: "Area global score", codec: scoreCodec },
  previousRating: { header: "Previous rating", codec: ratingCodec },
  change: { header: "Change", codec: changeCodec },
  previousGlobalScore: { header: "Previous global score", codec: scoreCodec },
  globalScoreChange: { header: "Global score change", codec: changeCodec },
  agreedEvidence: { header: "Agreed evidence summary", codec: textCodec },
  agreedIdeas: { header: "Agreed ideas for improvement", codec: textCodec },
};

export const ASSESSMENT_CSV_KEYS = Object.keys(ASSESSMENT_CSV_COLUMNS) as (keyof AssessmentCsvRow)[];

/** The compiled model as rows, in framework order: exactly what the CSV holds. */
export function assessmentCsvRows(compiled: CompiledAssessment): AssessmentCsvRow[] {
  return compiled.areas.flatMap((area) =>
    area.statements.map((statement) => ({
      areaNumber: area.number,
      areaTitle: area.title,
      statementId: statement.id,
      statementText: statement.text,
      agreedRating: statement.agreedRating,
      ratingLabel: ratingLabel(compiled, statement.agreedRating),
      source: statement.ratingSource,
      provisional: statement.ratingSource === "provisional",
      answered: statement.answered,
      rated4: statement.distribution[4],
      rated3: statement.distribution[3],
      rated2: statement.distribution[2],
      rated1: statement.distribution[1],
      round: statement.round,
      earlierRounds: statement.earlierRounds.map(
        (earlier) =>
          `Round ${earlier.round}: ${([4, 3, 2, 1] as const)
            .filter((rating) => earlier.distribution[rating] > 0)
            .map((rating) => `${rating}×${earlier.distribution[rating]}`)
            .join(" · ")}`,
      ),
      flags: statement.flags,
      evidence: statement.evidence.map(formatComment),
      ideas: statement.ideas.map(formatComment),
      rationale: statement.moderation?.rationale ?? "",
      globalScore: area.globalScore.value,
      previousRating: statement.previousRating ?? null,
      change: statement.change ?? "none",
      previousGlobalScore: area.globalScore.previousValue ?? null,
      globalScoreChange: area.globalScore.change ?? "none",
      agreedEvidence: statement.agreedEvidence ?? "",
      agreedIdeas: statement.agreedIdeas ?? "",
    })),
  );
}

export function formatComment(comment: AttributedComment): string {
  return `${singleLine(comment.text)} (${comment.attribution.join("; ")})`;
}
