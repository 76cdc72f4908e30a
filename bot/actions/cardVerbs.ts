/**
 * Every card verb, the one list. It lives apart from the handler table on purpose: the handlers'
 * context names the verb, so deriving the verbs from the table would make the table's type depend
 * on itself, which TypeScript resolves differently depending on which file it checks first.
 * The table must have exactly these keys (`satisfies Record<CardVerb, …>` in actionRegistry.ts).
 */
export const CARD_VERBS = [
  "submitAnswer",
  "showMyAnswer",
  "submitGlobalScore",
  "recordDecision",
  "acceptModalRatings",
  "recordGlobalDecision",
  "confirmForget",
  "assignAreas",
  "confirmReassign",
  "recordYoungPeopleScores",
  "updateActionItem",
  "sendBack",
  "showReRating",
  "submitReRating",
  "confirmNewCycle",
] as const;

export type CardVerb = (typeof CARD_VERBS)[number];
