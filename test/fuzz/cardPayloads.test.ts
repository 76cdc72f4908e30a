import { describeCardPayloadFuzz } from "./support/describeCardPayloadFuzz";

/** The `npm test` share of the card fuzzing; test/fuzz/cardPayloads.faults.ts runs the long one. */
describeCardPayloadFuzz({ numRuns: 300, lanes: 3, inProcessRuns: 2_000 });
