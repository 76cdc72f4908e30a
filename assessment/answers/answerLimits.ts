/**
 * Limits on what a member may type. Azure Tables allows 64 KiB per string property (about 32K
 * UTF-16 characters); we keep answers far below that so one answer, its history and a digest of
 * 40 members stay within Teams' ~28 KB card limit when split, and so nobody pastes a whole report.
 */
export const ANSWER_LIMITS = {
  evidenceMaxChars: 4000,
  ideasMaxChars: 2000,
  rationaleMaxChars: 2000,
} as const;
