import template from "./templates/digestCard.json";
import { expandTemplate, type AdaptiveCard } from "./expandTemplate";
import type { DigestPage } from "../assessment/digest/splitDigest";
import { plural } from "../assessment/text/plural";
import { markdownLiteral } from "../assessment/text/markdownLiteral";

const HEADING_BY_TIER: Record<DigestPage["statements"][number]["tier"], string> = {
  disagreement: " ⚑ needs moderation",
  nearAgreement: " · near agreement",
  agreement: " · agreed",
  unanswered: " · no answers yet",
};

/**
 * One page of the moderation digest for a lead: a summary, then each statement (flagged first) with
 * its distribution, flags, the group's evidence and ideas by name, and inputs to record the agreed
 * rating. The first page also carries the global score decision and "accept the group's ratings".
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
    globalFlags: first ? global.flags : [],
    globalMax: String(globalScoreMax),
    globalValue: global.decision ? String(global.decision.agreedScore) : global.median === null ? "" : String(Math.floor(global.median)),
    globalRationale: global.decision?.rationale ?? "",
    globalChoices: Array.from({ length: globalScoreMax + 1 }, (_, index) => String(globalScoreMax - index)),
    statements: page.statements.map((statement) => ({
      assessmentId: digest.assessmentId,
      areaNumber,
      statementId: statement.statementId,
      heading: `${statement.statementId}${statement.continued ? " (continued)" : HEADING_BY_TIER[statement.tier]}`,
      text: statement.text,
      continued: statement.continued,
      distributionText: statement.distributionText,
      answeredLine: `${statement.answered} answered`,
      flags: statement.continued ? [] : statement.flags,
      notes: statement.continued ? [] : statement.notes,
      proposedLine: !statement.decision && !statement.flagged && statement.consensusRating !== null ? `Proposed agreed rating: ${statement.consensusRating}` : "",
      decisionLine: statement.decision ? `Agreed rating: ${statement.decision.agreedRating} (by ${markdownLiteral(statement.decision.decidedBy)})` : "",
      // Who wrote a comment is its own line, from the stored respondent, never from the text; both are escaped.
      comments: statement.comments.map((comment) => ({
        label: comment.kind === "evidence" ? "Evidence" : "Idea",
        author: markdownLiteral(comment.author),
        text: markdownLiteral(comment.text),
      })),
      agreedValue: statement.decision ? String(statement.decision.agreedRating) : statement.consensusRating === null ? "" : String(statement.consensusRating),
      rationale: statement.decision?.rationale ?? "",
    })),
  });
}

/** Bytes of the card as sent (UTF-8 JSON), to compare with DIGEST_PAGE_MAX_BYTES. */
export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), "utf8");
}
