import type { AttributedComment } from "./compiledAssessment";
import type { MemberDirectory } from "./memberDirectory";
import { compareText } from "./stableOrder";

/** One member's comment (evidence or an idea) on one statement. */
export interface MemberComment {
  readonly text: string;
  readonly aadObjectId: string;
}

interface CommentGroup {
  key: string;
  /** The first-ranked member's wording. */
  text: string;
  firstRank: number;
  members: Set<string>;
}

/**
 * Blank comments are dropped and comments that differ only in spacing or case are merged into one
 * with everyone's attribution. The most shared come first (what many members cite is the strongest
 * evidence), then by the first contributor's place in the member order.
 */
export function mergeComments(comments: readonly MemberComment[], members: MemberDirectory): AttributedComment[] {
  const groups = new Map<string, CommentGroup>();
  for (const comment of comments) {
    const text = comment.text.trim();
    const key = duplicateKey(text);
    if (key === "") continue;
    const rank = members.rank(comment.aadObjectId);
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { key, text, firstRank: rank, members: new Set([comment.aadObjectId]) });
      continue;
    }
    group.members.add(comment.aadObjectId);
    if (rank < group.firstRank || (rank === group.firstRank && compareText(text, group.text) < 0)) {
      group.firstRank = rank;
      group.text = text;
    }
  }
  return [...groups.values()].sort(byShareThenRank).map((group) => ({
    text: group.text,
    attribution: [...group.members]
      .sort((a, b) => members.rank(a) - members.rank(b) || compareText(a, b))
      .map((member) => members.label(member)),
  }));
}

/** Two comments are the same when they match after collapsing whitespace and ignoring case. */
export function duplicateKey(text: string): string {
  // NFC so "é" typed two ways still matches; skipped for plain ASCII, which it cannot change (and is slow at scale).
  const composed = /\P{ASCII}/u.test(text) ? text.normalize("NFC") : text;
  return composed.replace(/\s+/g, " ").trim().toLowerCase();
}

function byShareThenRank(a: CommentGroup, b: CommentGroup): number {
  return b.members.size - a.members.size || a.firstRank - b.firstRank || compareText(a.key, b.key);
}
