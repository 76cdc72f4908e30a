import { z } from "zod";
import { roundNumberSchema } from "../../assessment/answers/answer";
import type { CardTarget } from "../actions/cardIdentity";
import type { Ports } from "../app/botServices";
import type { ReRatingSubject } from "./reRatingViews";

const roundDataSchema = z.object({ round: z.coerce.number().pipe(roundNumberSchema.min(2)) });

/**
 * The round a re-rating card is about, checked against what is stored: the card's round must be the
 * statement's latest (a card from an earlier round no longer takes answers). Returns the subject
 * with the statement's answers, or why not.
 */
export async function readRoundSubject(
  services: Ports<never, "moderation" | "responses">,
  target: Extract<CardTarget, { ok: true }>,
  data: Record<string, unknown>,
): Promise<{ ok: true; subject: ReRatingSubject } | { ok: false; message: string }> {
  const { assignment, area, statement } = target;
  const parsed = roundDataSchema.safeParse(data);
  if (!statement || !parsed.success) return { ok: false, message: "This card is damaged or out of date." };
  const [stored, answers] = await Promise.all([
    services.storage.moderation.getRound(assignment.assessmentId, statement.id),
    services.storage.responses.listStatementAnswers(assignment.assessmentId, area.number, statement.id),
  ]);
  if (stored?.round !== parsed.data.round)
    return {
      ok: false,
      message: `Round ${parsed.data.round} of ${statement.id} is not the statement's current round, so this card no longer takes ratings.`,
    };
  return { ok: true, subject: { assignment, area, statement, round: stored.round, answers } };
}
