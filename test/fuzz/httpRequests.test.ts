import { describeHttpRequestFuzz } from "./support/describeHttpRequestFuzz";

/** The `npm test` share of the raw HTTP fuzzing; test/fuzz/httpRequests.faults.ts runs the long one. */
describeHttpRequestFuzz({ numRuns: 300, lanes: 4 });
