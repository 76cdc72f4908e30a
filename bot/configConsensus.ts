import { z } from "zod";
import {
  CONSENSUS_THRESHOLD_BOUNDS as bounds,
  DEFAULT_CONSENSUS_THRESHOLDS as defaults,
  type ConsensusThresholds,
} from "../assessment/consensus/consensusThresholds";

/** The CONSENSUS_* variables, with the pure core's bounds and defaults (defined once, there). */
export const consensusEnvShape = {
  CONSENSUS_MODAL_SHARE_MIN: z.coerce.number().pipe(bounds.modalShareMin).default(defaults.modalShareMin),
  CONSENSUS_SHARE_MIN_ANSWERS: z.coerce
    .number()
    .pipe(bounds.minAnswersForModalShare)
    .default(defaults.minAnswersForModalShare),
  CONSENSUS_MAX_RANGE: z.coerce.number().pipe(bounds.maxRange).default(defaults.maxRange),
  CONSENSUS_QUORUM: z.coerce.number().pipe(bounds.quorum).default(defaults.quorum),
  CONSENSUS_GLOBAL_TOLERANCE: z.coerce
    .number()
    .pipe(bounds.globalScoreTolerance)
    .default(defaults.globalScoreTolerance),
  CONSENSUS_EXTRA_ROUNDS: z.coerce.number().pipe(bounds.extraRounds).default(defaults.extraRounds),
};

type ConsensusEnv = { [K in keyof typeof consensusEnvShape]: number };

/** Maps the CONSENSUS_* variables onto the pure core's thresholds. */
export function consensusThresholdsFromEnv(env: ConsensusEnv): ConsensusThresholds {
  return {
    modalShareMin: env.CONSENSUS_MODAL_SHARE_MIN,
    minAnswersForModalShare: env.CONSENSUS_SHARE_MIN_ANSWERS,
    maxRange: env.CONSENSUS_MAX_RANGE,
    quorum: env.CONSENSUS_QUORUM,
    globalScoreTolerance: env.CONSENSUS_GLOBAL_TOLERANCE,
    extraRounds: env.CONSENSUS_EXTRA_ROUNDS,
  };
}
