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
export function splitDigest(digest: AreaDigest, measure: (page: DigestPage) => number, maxBytes: number = DIGEST_PAGE_MAX_BYTES): DigestPage[] {
  const pages: DigestPageStatement[][] = [];
  let current: DigestPageStatement[] = [];
  const fits = (statements: DigestPageStatement[]) => measure({ digest, pageNumber: pages.length + 1, pageCount: 99, statements }) <= maxBytes;
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
    // Comments one at a time, continuing on new pages as each fills.
    let part: DigestPageStatement = { ...statement, comments: [], continued: false };
    current.push(part);
    for (const comment of statement.comments) {
      const grown: DigestPageStatement = { ...part, comments: [...part.comments, comment] };
      if (fits([...current.slice(0, -1), grown]) || part.comments.length === 0) {
        current[current.length - 1] = grown;
        part = grown;
        continue;
      }
      closePage();
      part = { ...statement, comments: [comment], continued: true };
      current.push(part);
    }
  }
  if (current.length > 0 || pages.length === 0) closePage();
  return pages.map((statements, index) => ({ digest, pageNumber: index + 1, pageCount: pages.length, statements }));
}
