import type { Answer } from "../answers/answer";

/**
 * A short fingerprint of one statement's answers (who, which rating, when), independent of order.
 * The digest's proposals carry it so that "accept" can refuse a statement whose answers changed
 * after the lead read the digest. FNV-1a (32 bit): a change detector, not a security measure —
 * the role check and the per-statement re-read guard the write.
 */
export function answersVersion(answers: readonly Pick<Answer, "respondent" | "rating" | "updatedAt">[]): string {
  const text = answers
    .map((answer) => `${answer.respondent.aadObjectId}|${answer.rating}|${answer.updatedAt}`)
    .sort()
    .join("\n");
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${answers.length}.${hash.toString(16).padStart(8, "0")}`;
}
