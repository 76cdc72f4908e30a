import template from "./templates/digestCard.json";
import { expandTemplate, type AdaptiveCard } from "./expandTemplate";
import type { DigestPage } from "../assessment/digest/splitDigest";
import { plural } from "../assessment/text/plural";
import { markdownLiteral } from "../assessment/text/markdownLiteral";
import { formatProposals } from "../assessment/digest/proposals";
import { ratingBar } from "./ratingBar";
import { formatCalendarDate } from "../assessment/time/formatDates";

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function proposedStatements(digest: DigestPage["digest"]) {
  return digest.statements.flatMap((statement) =>
    !statement.flagged && !statement.decision && statement.consensusRating !== null
      ? [
          {
            statementId: statement.statementId,
            rating: statement.consensusRating,
            answersVersion: statement.answersVersion,
          },
        ]
      : [],
  );
}

function proposedCount(digest: DigestPage["digest"]): number {
  return proposedStatements(digest).length;
}

const HEADING_BY_TIER: Record<DigestPage["statements"][number]["tier"], string> = {
  disagreement: " ⚑ needs moderation",
  nearAgreement: " · near agreement",
  agreement: " · agreed",
  unanswered: " · no answers yet",
};

/**
 * One page of the moderation digest for a lead: a summary and the rule applied, then each statement
 * (flagged first) with its distribution in words and as a bar, its flags and notes, the proposed or
 * agreed rating, and — collapsed until the lead opens it — the group's evidence and ideas grouped
 * under the rating each person gave, with the inputs to record the agreed rating. The first page
 * also carries the bulk "accept the proposed ratings" (apart from any one statement) and the
 * global score with its spread.
 */
export function buildDigestCard(page: DigestPage, globalScoreMax: number): AdaptiveCard {
  const { digest } = page;
  const areaNumber = String(digest.areaNumber);
  const global = digest.globalScore;
  const first = page.pageNumber === 1;
  return expandTemplate(template, {
    title: `Moderation digest — area ${digest.areaNumber}: ${digest.areaTitle}`,
    summary: `${digest.summary.answeredPercent}% answered (${plural(digest.summary.members, "member")}) · ${digest.summary.flaggedCount} of ${plural(digest.summary.statementCount, "statement")} flagged for moderation`,
    pageLine: `Page ${page.pageNumber} of ${page.pageCount}`,
    ruleLine: first ? `Rule applied: ${digest.rule}` : "",
    first,
    assessmentId: digest.assessmentId,
    areaNumber,
    globalLine: `${plural(global.count, "global score")}; median ${global.median ?? "—"}${global.decision ? `. Agreed: ${global.decision.agreedScore} (by ${markdownLiteral(global.decision.decidedBy)})` : ""}`,
    globalSpread: global.spread === "" ? "" : `Spread: ${global.spread}`,
    globalFlags: first ? global.flags : [],
    proposals: formatProposals(proposedStatements(digest)),
    sendBackLine: sendBackLine(digest),
    acceptLine: `Records the proposed rating of every statement that reached agreement and has no decision yet (${proposedCount(digest)} now). Statements needing moderation are left for you.`,
    globalMax: String(globalScoreMax),
    globalValue: global.decision
      ? String(global.decision.agreedScore)
      : global.median === null
        ? ""
        : String(Math.floor(global.median)),
    globalRationale: global.decision?.rationale ?? "",
    // The decision this card shows ("": none), sent back with Record so a newer one is never overwritten unseen.
    globalDecidedAt: global.decision?.decidedAt ?? "",
    globalChoices: Array.from({ length: globalScoreMax + 1 }, (_, index) => String(globalScoreMax - index)),
    statements: page.statements.map((statement) => ({
      assessmentId: digest.assessmentId,
      areaNumber,
      statementId: statement.statementId,
      heading: `${statement.statementId}${statement.continued ? " (continued)" : HEADING_BY_TIER[statement.tier]}`,
      text: statement.text,
      continued: statement.continued,
      distributionLine: `${capitalise(statement.distributionWords)} (${statement.answered} answered)`,
      bar: ratingBar(statement.distribution),
      detailsId: `details_${statement.statementId}`,
      toggleTitle: statement.continued ? "Show more evidence and ideas" : "Show evidence and ideas, and decide",
      flags: statement.continued ? [] : statement.flags,
      roundLines: statement.continued ? [] : roundLines(statement),
      canSendBack: !statement.continued && statement.canSendBack,
      notes: statement.continued ? [] : statement.notes,
      proposedLine:
        !statement.decision && !statement.flagged && statement.consensusRating !== null
          ? `Proposed agreed rating: ${statement.consensusRating}`
          : "",
      previousLine:
        statement.previousRating !== undefined && digest.previousCycleOn !== undefined
          ? `Last cycle (${formatCalendarDate(digest.previousCycleOn)}): agreed ${statement.previousRating} · ${digest.ratingLabels[statement.previousRating]}`
          : "",
      decisionLine: statement.decision
        ? `Agreed rating: ${statement.decision.agreedRating} (by ${markdownLiteral(statement.decision.decidedBy)})`
        : "",
      // Who wrote a comment is its own line, from the stored respondent, never from the text; both are escaped.
      comments: statement.comments.map((comment, index, all) => ({
        groupHeading:
          index === 0 || all[index - 1]?.rating !== comment.rating
            ? `Rated ${comment.rating} · ${digest.ratingLabels[comment.rating]}`
            : "",
        label: comment.kind === "evidence" ? "Evidence" : "Idea",
        author: markdownLiteral(comment.author),
        text: markdownLiteral(comment.text),
      })),
      agreedValue: statement.decision
        ? String(statement.decision.agreedRating)
        : statement.consensusRating === null
          ? ""
          : String(statement.consensusRating),
      rationale: statement.decision?.rationale ?? "",
      agreedEvidence: statement.decision?.agreedEvidence ?? "",
      agreedIdeas: statement.decision?.agreedIdeas ?? "",
      decidedAt: statement.decision?.decidedAt ?? "",
    })),
  });
}

/** Round N−1 → N, who moved, who kept their rating, who has not answered yet, and whether it now agrees. */
function roundLines(statement: DigestPage["statements"][number]): string[] {
  const change = statement.roundChange;
  if (!change) return [];
  const names = (list: readonly string[]) => list.map(markdownLiteral).join(", ");
  return [
    `${change.line}${change.nowAgreed ? " — now agreed" : statement.flagged ? " — still disagreement" : ""}`,
    ...(change.moved.length > 0
      ? [`Moved: ${change.moved.map((move) => `${markdownLiteral(move.name)} (${move.from} → ${move.to})`).join(", ")}`]
      : []),
    ...(change.confirmed.length > 0 ? [`Kept their rating: ${names(change.confirmed)}`] : []),
    ...(change.waiting.length > 0 ? [`Not answered round ${statement.round} yet: ${names(change.waiting)}`] : []),
  ];
}

/** The bulk send-back's explanation; empty (no button) when no statement can go back now. */
function sendBackLine(digest: DigestPage["digest"]): string {
  const count = digest.statements.filter((statement) => statement.canSendBack).length;
  return count === 0
    ? ""
    : `Asks the group to look again at every flagged statement that can go back (${count} now): each member who answered sees the group's ratings and reasons without names, and confirms or changes their own.`;
}

/** Bytes of the card as sent (UTF-8 JSON), to compare with DIGEST_PAGE_MAX_BYTES. */
export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), "utf8");
}
