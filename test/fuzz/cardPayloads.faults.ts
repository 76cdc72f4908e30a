import { describeCardPayloadFuzz } from "./support/describeCardPayloadFuzz";

/** The long card fuzzing run (`npm run test:faults`); with commandTexts.faults.ts over 10,000 inputs. */
describeCardPayloadFuzz({ numRuns: 3_000, lanes: 4, inProcessRuns: 3_000 });
