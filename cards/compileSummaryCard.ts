import template from "./templates/compileSummaryCard.json";
import type { CompiledAssessment } from "../assessment/compile/compiledAssessment";
import { formatDateTime } from "../assessment/time/formatDates";
import { expandTemplate, type AdaptiveCard } from "./expandTemplate";
import { markdownLiteral } from "../assessment/text/markdownLiteral";

/** One set of downloads, e.g. the internal copy's Word, CSV and JSON files. */
export interface DownloadGroup {
  heading: string;
  links: { title: string; url: string }[];
}

export interface CompileSummaryLinks {
  groups: DownloadGroup[];
  /** When the links stop working, already worded (e.g. "in 60 minutes"). */
  expiresIn: string;
}

/** Teams refuses cards over ~28 KB; keep well under with room for the links. */
export const MAX_CARD_BYTES = 26_000;
const MAX_TEXT = 240;

function clip(text: string, max = MAX_TEXT): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** At most `cap` lines, then "…and N more in the document". Empty lists say so. */
function capped(lines: readonly string[], cap: number, none: string): string[] {
  if (lines.length === 0) return [none];
  if (lines.length <= cap) return [...lines];
  return [...lines.slice(0, cap), `…and ${lines.length - cap} more in the document`];
}

/**
 * The coordinator's answer to `compile`: every area's global score, strengths, priorities (with
 * ideas) and what is still unresolved, plus a row of download buttons per copy. Long lists are capped so
 * the card stays under Teams' size limit; the documents hold everything.
 */
export function buildCompileSummaryCard(compiled: CompiledAssessment, links: CompileSummaryLinks): AdaptiveCard {
  const { summary } = compiled;
  const globalScores = compiled.areas.map((area) => ({
    area: clip(`${area.number}. ${area.title}`, 120),
    score: area.globalScore.value === null ? "–" : `${area.globalScore.value}/${compiled.framework.globalScoreMax}`,
    source: `${{ moderated: "moderated", median: "median", none: "no scores" }[area.globalScore.source]}${area.globalScore.provisional ? " (provisional)" : ""}`,
    sourceColor: area.globalScore.provisional || area.globalScore.source === "none" ? "Warning" : "Default",
  }));
  const strengths = summary.strengths.map((item) => clip(`${item.statementId} ${item.text}`));
  const priorities = summary.priorities.map((item) => {
    const ideas = item.ideas.slice(0, 2).map((idea) => markdownLiteral(clip(idea.text, 160)));
    return clip(
      `${item.statementId} (rated ${item.agreedRating}) ${item.text}${ideas.length > 0 ? ` — ideas: ${ideas.join("; ")}` : ""}`,
      400,
    );
  });
  const unresolved = summary.unresolved.map((item) =>
    clip(`Area ${item.areaNumber}${item.statementId ? `, ${item.statementId}` : ""}: ${item.description}`),
  );
  const build = (cap: number) =>
    expandTemplate(template, {
      title: summary.complete ? "Self-assessment compiled" : "Self-assessment compiled (with open items)",
      color: summary.complete ? "Good" : "Warning",
      subtitle: `${markdownLiteral(compiled.frontSheet.localAuthority) || "Local authority not set"} · compiled ${formatDateTime(compiled.compiledAt, compiled.timeZone)}`,
      globalScores,
      strengths: capped(strengths, cap, "None yet."),
      priorities: capped(priorities, cap, "None."),
      unresolved: capped(unresolved, cap, "Nothing: every statement and global score is agreed."),
      linkNote: `The download links work for anyone who has them and expire ${links.expiresIn}.`,
      downloads: links.groups,
    });
  let cap = 15;
  let card = build(cap);
  while (cap > 0 && Buffer.byteLength(JSON.stringify(card), "utf8") > MAX_CARD_BYTES) {
    cap = Math.floor(cap / 2);
    card = build(cap);
  }
  return card;
}
