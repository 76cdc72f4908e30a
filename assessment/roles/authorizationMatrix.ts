import type { Role } from "./role";

/**
 * Who may do what: the single table every command and card action is checked against.
 * Operations are command names (what people type) and card verbs (what Action.Execute sends).
 */
export const AUTHORIZATION_MATRIX = {
  // commands
  help: ["coordinator", "lead", "member", "anyone"],
  assign: ["coordinator"],
  details: ["coordinator"],
  start: ["coordinator", "lead"],
  status: ["coordinator", "lead", "member"],
  remind: ["coordinator", "lead"],
  close: ["coordinator", "lead"],
  reopen: ["coordinator", "lead"],
  digest: ["coordinator", "lead"],
  compile: ["coordinator"],
  export: ["coordinator"],
  forget: ["coordinator"],
  youngpeople: ["coordinator", "participationWorker"],
  participation: ["coordinator"],
  actions: ["coordinator", "lead"],
  "new cycle": ["coordinator"],
  // card verbs
  submitAnswer: ["member"],
  showMyAnswer: ["coordinator", "lead", "member"],
  submitGlobalScore: ["member"],
  assignAreas: ["coordinator"],
  confirmReassign: ["coordinator"],
  recordDecision: ["coordinator", "lead"],
  acceptModalRatings: ["coordinator", "lead"],
  sendBack: ["coordinator", "lead"],
  submitReRating: ["member"],
  showReRating: ["coordinator", "lead", "member"],
  recordGlobalDecision: ["coordinator", "lead"],
  confirmForget: ["coordinator"],
  recordYoungPeopleScores: ["coordinator", "participationWorker"],
  updateActionItem: ["coordinator", "lead"],
  confirmNewCycle: ["coordinator"],
} as const satisfies Record<string, readonly Role[]>;

export type Operation = keyof typeof AUTHORIZATION_MATRIX;

export function isAllowed(operation: Operation, roles: readonly Role[]): boolean {
  const allowed: readonly Role[] = AUTHORIZATION_MATRIX[operation];
  return roles.some((role) => allowed.includes(role));
}

/** A polite sentence naming who may do it, for refusals. */
export function whoMay(operation: Operation): string {
  const names: Record<Role, string> = {
    coordinator: "the coordinator",
    lead: "the group's lead",
    member: "members of the working group's channel",
    participationWorker: "the participation worker",
    anyone: "anyone",
  };
  const allowed: readonly Role[] = AUTHORIZATION_MATRIX[operation];
  const phrases = allowed.map((role) => names[role]);
  return phrases.length <= 1 ? (phrases[0] ?? "nobody") : `${phrases.slice(0, -1).join(", ")} or ${phrases.at(-1)}`;
}
