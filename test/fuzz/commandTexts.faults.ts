import { describeCommandTextFuzz } from "./support/describeCommandTextFuzz";

/** The long command fuzzing run (`npm run test:faults`); with cardPayloads.faults.ts over 10,000 inputs. */
describeCommandTextFuzz({ numRuns: 1_200, lanes: 4, inProcessRuns: 3_300 });
