import type { CompiledArea, CompiledAssessment } from "../assessment/compile/compiledAssessment";
import type { Change } from "../assessment/cycles/change";
import type { DemoOutcome, WeekReport } from "./playAssessment";
import { DEFAULT_CONSENSUS_THRESHOLDS } from "../assessment/consensus/consensusThresholds";
import { flagReasons, formatFlagReasons } from "./flagReasons";

/** The rule before consensus tiers (issue 15), to show what changed on the same answers. */
const EARLIER_RULE = { ...DEFAULT_CONSENSUS_THRESHOLDS, modalShareMin: 0.7, minAnswersForModalShare: 3 };

export interface SummaryContext {
  pacing: string;
  outDir?: string;
  elapsedMs?: number;
}

/** Per area: what the bot compiled, beside what the demo submitted. */
export interface AreaResult {
  areaNumber: number;
  title: string;
  members: number;
  answered: number;
  expected: number;
  flagged: number;
  moderated: number;
  unresolved: number;
  globalScore: string;
}

/** The figures of the summary table, read from the compiled JSON the coordinator downloaded. */
export function areaResults(outcome: DemoOutcome): AreaResult[] {
  const { compiled } = outcome;
  const groupAreas = new Set(outcome.cast.groups.map((group) => group.areaNumber));
  return compiled.areas
    .filter((area) => groupAreas.has(area.number))
    .map((area) => ({
      areaNumber: area.number,
      title: area.title,
      members: area.members,
      answered: area.statements.reduce((sum, statement) => sum + statement.answered, 0),
      expected: area.members * area.statements.length,
      flagged: area.statements.filter((statement) => statement.consensusTier === "disagreement").length,
      moderated: area.statements.filter((statement) => statement.ratingSource === "moderated").length,
      unresolved: compiled.summary.unresolved.filter((item) => item.areaNumber === area.number).length,
      globalScore: globalScoreText(area, compiled.framework.globalScoreMax),
    }));
}

/** The short readable report the demo prints and saves as summary.md (Markdown tables). */
export function formatSummary(outcome: DemoOutcome, context: SummaryContext): string {
  const { cast, compiled, moderation } = outcome;
  const results = areaResults(outcome);
  const answered = results.reduce((total, result) => total + result.answered, 0);
  const decided = moderation.reduce((total, area) => total + area.decisions, 0);
  const accepted = moderation.reduce((total, area) => total + area.accepted, 0);
  const unresolved = compiled.summary.unresolved.length;
  const groupAreas = new Set(cast.groups.map((group) => group.areaNumber));
  const lines = [
    `# Self-assessment demo — ${compiled.frontSheet.localAuthority || "local authority"}`,
    "",
    `${cast.people.length} people in ${cast.groups.length} working groups and a coordinator · ${outcome.cardsPosted} cards posted · ${outcome.turns} activities sent to the bot over HTTP`,
    `Pacing: ${context.pacing}`,
    "",
    "## Progress (statements with at least one answer, from the coordinator's `status`)",
    "",
    progressTable(outcome),
    "",
    "## Compiled result",
    "",
    resultTable(results, cast.people.length, unresolved),
    "",
    `Answers: ${outcome.answersSubmitted} submitted (${outcome.answersChanged} changed in a later week), ${answered} in the compiled assessment; ${outcome.globalScoresSubmitted} global scores.`,
    `Moderation: ${decided} disagreements settled with a rationale, ${accepted} unflagged ratings accepted as the group's, ${moderation.filter((area) => area.globalDecided).length} global scores agreed; ${unresolved} items still unresolved.`,
    `Flags by reason (${compiled.consensusRule.description}): ${formatFlagReasons(flagReasons(compiled, compiled.consensusRule.thresholds, groupAreas))}.`,
    `Under the earlier rule (70% agreement from 3 answers): ${formatFlagReasons(flagReasons(compiled, EARLIER_RULE, groupAreas))}.`,
    `Compiled: ${compiled.summary.strengths.length} strengths, ${compiled.summary.priorities.length} priorities for action.`,
    ...(outcome.secondCycle ? ["", secondCycleLine(outcome.secondCycle.compiled)] : []),
    ...(context.outDir
      ? [
          "",
          `Files in ${context.outDir}: digests/, ${outcome.compile.files.map((file) => file.fileName).join(", ")}, compile-summary.md, summary.md, bot.log`,
          ...(outcome.secondCycle
            ? [
                `Cycle 2 in ${context.outDir}/cycle-2: ${outcome.secondCycle.compile.files.map((file) => file.fileName).join(", ")}, compile-summary.md`,
              ]
            : []),
        ]
      : []),
    ...(context.elapsedMs === undefined ? [] : [`Run time: ${(context.elapsedMs / 1000).toFixed(1)} s`]),
  ];
  return `${lines.join("\n")}\n`;
}

function progressTable(outcome: DemoOutcome): string {
  const cell = (week: WeekReport, areaNumber: number) => {
    const line = week.progress.find((item) => item.areaNumber === areaNumber);
    return line
      ? `${line.statementsAnswered}/${line.statements} · ${line.people} people${line.status === "open" ? "" : ` · ${line.status}`}`
      : "–";
  };
  const rows = outcome.cast.groups.map((group) => [
    `${group.areaNumber}. ${clip(group.areaTitle, 34)}`,
    ...outcome.weeks.map((week) => cell(week, group.areaNumber)),
  ]);
  return table(["Area", ...outcome.weeks.map((week) => `Week ${week.week}`)], rows);
}

function resultTable(results: readonly AreaResult[], people: number, unresolved: number): string {
  const sum = (pick: (result: AreaResult) => number) => results.reduce((total, result) => total + pick(result), 0);
  const rows = results.map((result) => [
    `${result.areaNumber}. ${clip(result.title, 34)}`,
    String(result.members),
    answeredText(result.answered, result.expected),
    String(result.flagged),
    String(result.moderated),
    String(result.unresolved),
    result.globalScore,
  ]);
  const total = [
    "**Total**",
    String(people),
    answeredText(
      sum((r) => r.answered),
      sum((r) => r.expected),
    ),
    String(sum((r) => r.flagged)),
    String(sum((r) => r.moderated)),
    String(unresolved),
    "",
  ];
  return table(["Area", "Members", "Answers", "Flagged", "Moderated", "Unresolved", "Global score"], [...rows, total]);
}

function globalScoreText(area: CompiledArea, max: number): string {
  const score = area.globalScore;
  if (score.value === null) return "none";
  return `${score.value}/${max} (${score.source}${score.provisional ? ", provisional" : ""})`;
}

function answeredText(answered: number, expected: number): string {
  return `${answered}/${expected} (${expected === 0 ? 0 : Math.round((answered / expected) * 100)}%)`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? "").length)));
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A year on, how the agreed ratings moved against cycle 1 (the second document's change column). */
function secondCycleLine(compiled: CompiledAssessment): string {
  const changes = compiled.areas.flatMap((area) => area.statements.map((statement) => statement.change ?? "none"));
  const count = (change: Change) => changes.filter((candidate) => candidate === change).length;
  return `A year on (cycle 2, \`new cycle\`): ${count("up")} agreed ratings higher, ${count("down")} lower, ${count("same")} the same as cycle 1.`;
}
