import { describeCommandTextFuzz } from "./support/describeCommandTextFuzz";

/** The `npm test` share of the command fuzzing; test/fuzz/commandTexts.faults.ts runs the long one. */
describeCommandTextFuzz({ numRuns: 200, lanes: 3, inProcessRuns: 2_000 });
