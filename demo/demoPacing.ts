import { TEAMS_PACING } from "../bot/posting/pacedSender";

/**
 * Teams' per-conversation limits with every window (and retry delay) shortened by `scale`: the same
 * shape of pacing the bot uses in Teams, so the demo still shows posting, updates and digests
 * queued per conversation, without waiting minutes for 126 cards.
 */
export function scaledTeamsPacing(scale: number): typeof TEAMS_PACING {
  return {
    limits: TEAMS_PACING.limits.map((limit) => ({ ...limit, perMs: Math.max(1, Math.round(limit.perMs * scale)) })),
    retry: {
      ...TEAMS_PACING.retry,
      baseDelayMs: Math.round(TEAMS_PACING.retry.baseDelayMs * scale),
      maxDelayMs: Math.round(TEAMS_PACING.retry.maxDelayMs * scale),
    },
  };
}

/** "7 per 2 s, 60 per 30 s" — for telling the reader which pacing was used. */
export function describePacing(pacing: typeof TEAMS_PACING): string {
  return pacing.limits
    .map((limit) => `${limit.max} per ${limit.perMs >= 1000 ? `${limit.perMs / 1000} s` : `${limit.perMs} ms`}`)
    .join(", ");
}
