import { z } from "zod";
import {
  CONSENSUS_THRESHOLD_BOUNDS as bounds,
  DEFAULT_CONSENSUS_THRESHOLDS as defaults,
  type ConsensusThresholds,
} from "../assessment/consensus/consensusThresholds";

/** One CONSENSUS_* variable: a number within the pure core's bounds for that threshold, else its default. */
function thresholdVariable(key: keyof ConsensusThresholds) {
  return z.coerce.number().pipe(bounds[key]).default(defaults[key]);
}

/** The CONSENSUS_* variables, with the pure core's bounds and defaults (defined once, there). */
export const consensusEnvShape = {
  CONSENSUS_MODAL_SHARE_MIN: thresholdVariable("modalShareMin"),
  CONSENSUS_SHARE_MIN_ANSWERS: thresholdVariable("minAnswersForModalShare"),
  CONSENSUS_MAX_RANGE: thresholdVariable("maxRange"),
  CONSENSUS_QUORUM: thresholdVariable("quorum"),
  CONSENSUS_GLOBAL_TOLERANCE: thresholdVariable("globalScoreTolerance"),
  CONSENSUS_EXTRA_ROUNDS: thresholdVariable("extraRounds"),
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
