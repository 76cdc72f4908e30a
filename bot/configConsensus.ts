import type { ConsensusThresholds } from "../assessment/consensus/consensusThresholds";

/** Maps the CONSENSUS_* variables onto the pure core's thresholds. */
export function consensusThresholdsFromEnv(env: {
  CONSENSUS_MODAL_SHARE_MIN: number;
  CONSENSUS_MAX_RANGE: number;
  CONSENSUS_QUORUM: number;
  CONSENSUS_GLOBAL_TOLERANCE: number;
}): ConsensusThresholds {
  return {
    modalShareMin: env.CONSENSUS_MODAL_SHARE_MIN,
    minAnswersForModalShare: 3,
    maxRange: env.CONSENSUS_MAX_RANGE,
    quorum: env.CONSENSUS_QUORUM,
    globalScoreTolerance: env.CONSENSUS_GLOBAL_TOLERANCE,
  };
}
