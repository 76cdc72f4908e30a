import type { Answer } from "../answers/answer";
import type { RatingValue } from "../framework/frameworkSchema";
import { answerInRound } from "./answerInRound";

export interface RoundMovement {
  /** Members who gave a different rating this round than the one before. */
  moved: Array<{ name: string; from: RatingValue; to: RatingValue }>;
  /** Members who kept their rating this round. */
  confirmed: string[];
  /** Members who answered the round before but not (yet) this one. */
  waiting: string[];
}

/** Who moved between the round before `round` and `round`, by name (for the lead's digest), in name order. */
export function roundMovement(answers: readonly Answer[], round: number): RoundMovement {
  const movement: RoundMovement = { moved: [], confirmed: [], waiting: [] };
  const byName = [...answers].sort((a, b) => (a.respondent.name || "").localeCompare(b.respondent.name || ""));
  for (const answer of byName) {
    const name = answer.respondent.name || "A member";
    const before = answerInRound(answer, round - 1);
    const now = answerInRound(answer, round);
    if (!before) continue;
    if (!now) movement.waiting.push(name);
    else if (now.rating === before.rating) movement.confirmed.push(name);
    else movement.moved.push({ name, from: before.rating, to: now.rating });
  }
  return movement;
}
