import type { AreaDigest, DigestStatement } from "./buildAreaDigest";

/** Teams refuses activities over ~28 KB; each page's card stays under this many bytes of JSON. */
export const DIGEST_PAGE_MAX_BYTES = 24_000;

/** A statement on one page: whole, or a run of its comments when they fill more than a page. */
export interface DigestPageStatement extends DigestStatement {
  /** True when an earlier page already showed this statement (and its moderation inputs). */
  continued: boolean;
}

export interface DigestPage {
  digest: AreaDigest;
  /** 1-based. */
  pageNumber: number;
  pageCount: number;
  statements: DigestPageStatement[];
}

/**
 * Splits a digest into pages whose measured size (the serialized card) stays within maxBytes.
 * Nothing is cut: statements are kept whole where they fit, and a statement whose comments fill
 * more than a page continues on the next, so every comment appears exactly once. A single comment
 * larger than a page (impossible within the answer limits) still gets a page of its own.
 */
export function splitDigest(
  digest: AreaDigest,
  measure: (page: DigestPage) => number,
  maxBytes: number = DIGEST_PAGE_MAX_BYTES,
): DigestPage[] {
  const pages: DigestPageStatement[][] = [];
  let current: DigestPageStatement[] = [];
  const fits = (statements: DigestPageStatement[]) =>
    measure({ digest, pageNumber: pages.length + 1, pageCount: 99, statements }) <= maxBytes;
  const closePage = () => {
    pages.push(current);
    current = [];
  };
  for (const statement of digest.statements) {
    const whole: DigestPageStatement = { ...statement, continued: false };
    if (fits([...current, whole])) {
      current.push(whole);
      continue;
    }
    if (current.length > 0) {
      closePage();
      if (fits([whole])) {
        current.push(whole);
        continue;
      }
    }
    // Too big for a page of its own: its comments continue over as many pages as they need. The
    // most that fit is found by binary search (size only grows with comments), so pages are few measures.
    let from = 0;
    let continued = false;
    do {
      const partWith = (count: number): DigestPageStatement => ({
        ...statement,
        comments: statement.comments.slice(from, from + count),
        continued,
      });
      let low = 1;
      let high = statement.comments.length - from;
      if (high === 0) low = 0;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (fits([...current, partWith(middle)])) low = middle;
        else high = middle - 1;
      }
      current.push(partWith(low));
      from += low;
      continued = true;
      if (from < statement.comments.length) closePage();
    } while (from < statement.comments.length);
  }
  if (current.length > 0 || pages.length === 0) closePage();
  return pages.map((statements, index) => ({ digest, pageNumber: index + 1, pageCount: pages.length, statements }));
}
