import type { ActionItem } from "../actionPlan/actionItem";
import type { Answer, GlobalScoreAnswer } from "../answers/answer";
import type { ConsensusThresholds } from "../consensus/consensusThresholds";
import type { Framework } from "../framework/frameworkSchema";
import type { AreaAssignment } from "../groups/workingGroup";
import type { AssessmentDetails } from "../groups/assessmentDetails";
import type { GlobalScoreDecision, ModerationDecision } from "../moderation/moderationDecision";
import type { AttributionMode } from "./compiledAssessment";
import type { CycleResult } from "../cycles/cycleResult";

/** Everything the final compile reads: the stored records as they are, in any order. */
export interface CompileAssessmentInput {
  readonly framework: Framework;
  readonly details: AssessmentDetails;
  readonly assignments: readonly AreaAssignment[];
  readonly answers: readonly Answer[];
  readonly globalScores: readonly GlobalScoreAnswer[];
  readonly decisions: readonly ModerationDecision[];
  readonly globalDecisions: readonly GlobalScoreDecision[];
  /** Working-group size per area number; an area missing here counts the members who answered. */
  readonly membersPerArea: Readonly<Record<number, number>>;
  readonly thresholds: ConsensusThresholds;
  readonly attribution: AttributionMode;
  /** ISO-8601 instant of this compile, passed in so the compile stays pure. */
  readonly compiledAt: string;
  /** Young people's global score per area number (e.g. from a New Belongings visit), shown beside the staff's. */
  readonly youngPeopleScores?: Readonly<Record<number, number>>;
  /** Where the young people's scores came from, in the coordinator's words. */
  readonly youngPeopleSource?: string;
  /** Owner, due date and status the council set on the plan's actions (see actionItem.ts). */
  readonly actionItems?: readonly ActionItem[];
  /** Earlier cycles' agreed results, oldest first: the document shows the change since the last. */
  readonly previousCycles?: readonly CycleResult[];
}
