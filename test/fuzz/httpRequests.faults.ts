import { describeHttpRequestFuzz } from "./support/describeHttpRequestFuzz";

/** The long raw HTTP fuzzing run (`npm run test:faults`): 10,000 requests to one bot process. */
describeHttpRequestFuzz({ numRuns: 10_000, lanes: 6 });
