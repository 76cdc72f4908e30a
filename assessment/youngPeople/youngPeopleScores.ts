import { z } from "zod";

/**
 * The young people's own global score (0–10) for each area they rated, e.g. from a New Belongings
 * consultation or a Children in Care Council session, and where the scores came from.
 */
export const youngPeopleScoresSchema = z.object({
  /** Area number (as text: a JSON object's keys) → score. */
  scores: z.record(z.string().regex(/^\d{1,2}$/), z.number().int().min(0).max(100)),
  /** Where the scores came from, in the coordinator's words; may be empty. */
  source: z.string().max(500),
  recordedAt: z.string(),
});
export type YoungPeopleScores = z.infer<typeof youngPeopleScoresSchema>;

export type ParsedYoungPeopleScores =
  { ok: true; scores: Record<number, number>; source: string | undefined } | { ok: false; message: string };

/**
 * Reads "1=6 2=5 7=3 from=Children in Care Council, March 2025": area=score pairs, then optionally
 * where they came from. Every area named must exist and every score be a whole number 0..max.
 */
export function parseYoungPeopleScores(
  text: string,
  areaNumbers: readonly number[],
  max: number,
): ParsedYoungPeopleScores {
  const [pairsText = "", ...sourceParts] = text.split(/\bfrom\s*=\s*/i);
  const source = sourceParts.length > 0 ? sourceParts.join("from=").trim() : undefined;
  const scores: Record<number, number> = {};
  for (const token of pairsText
    .trim()
    .split(/[\s,;]+/)
    .filter((part) => part !== "")) {
    const match = /^(\d{1,2})\s*=\s*(\d{1,3})$/.exec(token);
    if (!match) return { ok: false, message: `"${token}" is not area=score (for example 3=6).` };
    const area = Number(match[1]);
    const score = Number(match[2]);
    if (!areaNumbers.includes(area))
      return { ok: false, message: `There is no area ${area}: areas are ${areaNumbers[0]}–${areaNumbers.at(-1)}.` };
    if (score > max) return { ok: false, message: `Area ${area}: a score is from 0 to ${max}, not ${score}.` };
    scores[area] = score;
  }
  if (Object.keys(scores).length === 0 && source === undefined)
    return { ok: false, message: "Give at least one area=score, for example 1=6 2=5." };
  return { ok: true, scores, source };
}

/** New scores replace those areas' old ones; other areas keep theirs; the source changes only when given. */
export function mergeYoungPeopleScores(
  current: YoungPeopleScores | undefined,
  update: { scores: Record<number, number>; source: string | undefined },
  recordedAt: string,
): YoungPeopleScores {
  const scores: Record<string, number> = { ...(current?.scores ?? {}) };
  for (const [area, score] of Object.entries(update.scores)) scores[area] = score;
  return { scores, source: update.source ?? current?.source ?? "", recordedAt };
}

/** The scores keyed by area number, as the compile takes them. */
export function youngPeopleScoresByArea(stored: YoungPeopleScores | undefined): Record<number, number> | undefined {
  if (!stored || Object.keys(stored.scores).length === 0) return undefined;
  return Object.fromEntries(Object.entries(stored.scores).map(([area, score]) => [Number(area), score]));
}
