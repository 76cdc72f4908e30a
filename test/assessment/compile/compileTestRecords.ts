import type { Answer, GlobalScoreAnswer } from "../../../assessment/answers/answer";
import type { Person } from "../../../assessment/answers/person";
import type { CompileAssessmentInput } from "../../../assessment/compile/compileAssessmentInput";
import { DEFAULT_CONSENSUS_THRESHOLDS } from "../../../assessment/consensus/consensusThresholds";
import type { RatingValue } from "../../../assessment/framework/frameworkSchema";
import { DEFAULT_FRAMEWORK_PATH, loadFramework } from "../../../storage/framework/loadFramework";
import type { AreaAssignment } from "../../../assessment/groups/workingGroup";
import type { GlobalScoreDecision, ModerationDecision } from "../../../assessment/moderation/moderationDecision";

/** Typed factories for hand-made compile inputs; the generated fixture covers realistic volume. */
export const framework = loadFramework(DEFAULT_FRAMEWORK_PATH);
export const ASSESSMENT_ID = "a-test";

export function person(member: number, name = `Person ${member}`): Person {
  return { aadObjectId: `aad-${String(member).padStart(3, "0")}`, teamsUserId: `29:${member}`, name };
}

export function answer(
  statementId: string,
  member: number,
  rating: RatingValue,
  text: { evidence?: string; ideas?: string; at?: string } = {},
): Answer {
  return {
    assessmentId: ASSESSMENT_ID,
    areaNumber: Number.parseInt(statementId, 10),
    statementId,
    respondent: person(member),
    rating,
    evidence: text.evidence ?? "Audit of pathway plans",
    ideas: text.ideas ?? "",
    updatedAt: text.at ?? "2025-03-10T10:00:00.000Z",
  };
}

export function globalScore(areaNumber: number, member: number, score: number): GlobalScoreAnswer {
  return {
    assessmentId: ASSESSMENT_ID,
    areaNumber,
    respondent: person(member),
    score,
    updatedAt: "2025-03-12T10:00:00.000Z",
  };
}

export function decision(
  statementId: string,
  agreedRating: RatingValue,
  at = "2025-03-20T10:00:00.000Z",
): ModerationDecision {
  return {
    assessmentId: ASSESSMENT_ID,
    areaNumber: Number.parseInt(statementId, 10),
    statementId,
    agreedRating,
    rationale: "Agreed at the group meeting",
    decidedBy: person(900, "Lead Person"),
    decidedAt: at,
  };
}

export function globalDecision(areaNumber: number, agreedScore: number): GlobalScoreDecision {
  return {
    assessmentId: ASSESSMENT_ID,
    areaNumber,
    agreedScore,
    rationale: "Agreed",
    decidedBy: person(900, "Lead Person"),
    decidedAt: "2025-03-21T10:00:00.000Z",
  };
}

export function assignment(areaNumber: number, channelName = `Area ${areaNumber} group`): AreaAssignment {
  return {
    assessmentId: ASSESSMENT_ID,
    areaNumber,
    channel: {
      teamId: "team",
      channelId: `channel-${areaNumber}`,
      channelName,
      tenantId: "tenant",
      serviceUrl: "https://smba.trafficmanager.net/uk/",
    },
    leads: [person(900, "Lead Person")],
    status: "open",
    assignedAt: "2025-03-01T10:00:00.000Z",
    assignedBy: "coordinator",
  };
}

/** Every area assigned, nothing answered: override what a test is about. */
export function compileInput(overrides: Partial<CompileAssessmentInput> = {}): CompileAssessmentInput {
  return {
    framework,
    details: {
      id: ASSESSMENT_ID,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      localAuthority: "Testshire Council",
      timeZone: "Europe/London",
      createdAt: "2025-03-01T09:00:00.000Z",
    },
    assignments: framework.areas.map((area) => assignment(area.number)),
    answers: [],
    globalScores: [],
    decisions: [],
    globalDecisions: [],
    membersPerArea: {},
    thresholds: DEFAULT_CONSENSUS_THRESHOLDS,
    attribution: "names",
    compiledAt: "2025-04-01T10:00:00.000Z",
    ...overrides,
  };
}
