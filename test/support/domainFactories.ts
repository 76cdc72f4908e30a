import type { Answer, GlobalScoreAnswer } from "../../assessment/answers/answer";
import type { Person } from "../../assessment/answers/person";
import type { AuditEntry } from "../../assessment/audit/auditEntry";
import type { AssessmentDetails } from "../../assessment/groups/assessmentDetails";
import type { AreaAssignment } from "../../assessment/groups/workingGroup";
import type { GlobalScoreDecision, ModerationDecision } from "../../assessment/moderation/moderationDecision";
import type { StoredConversationReference } from "../../storage/records/storedConversationReference";

/** Typed test data with realistic Teams ids; override what a test is about. */
const AT = "2026-03-02T10:15:00.000Z";

export function aPerson(overrides: Partial<Person> = {}): Person {
  return {
    aadObjectId: "6f1c2d3e-0000-4000-8000-000000000001",
    teamsUserId: "29:1a-Bx_yZ",
    name: "Sam Carer",
    ...overrides,
  };
}

export function anAssessment(overrides: Partial<AssessmentDetails> = {}): AssessmentDetails {
  return {
    id: "19:abc@thread.tacv2",
    frameworkId: "baker-dixon-2020",
    frameworkVersion: "2020",
    localAuthority: "Example Council",
    timeZone: "Europe/London",
    createdAt: AT,
    ...overrides,
  };
}

export function anAssignment(overrides: Partial<AreaAssignment> = {}): AreaAssignment {
  return {
    assessmentId: "assessment-1",
    areaNumber: 7,
    channel: {
      teamId: "19:team@thread.tacv2",
      channelId: "19:channel-7@thread.tacv2",
      channelName: "Area 7 group",
      tenantId: "tenant-1",
      serviceUrl: "https://smba.trafficmanager.net/uk/",
    },
    leads: [aPerson()],
    status: "open",
    assignedAt: AT,
    assignedBy: "coordinator-aad",
    ...overrides,
  };
}

export function anAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    assessmentId: "assessment-1",
    areaNumber: 7,
    statementId: "7a",
    respondent: aPerson(),
    rating: 3,
    evidence: "Pathway plans are reviewed every six months.",
    ideas: "",
    updatedAt: AT,
    ...overrides,
  };
}

export function aGlobalScore(overrides: Partial<GlobalScoreAnswer> = {}): GlobalScoreAnswer {
  return { assessmentId: "assessment-1", areaNumber: 7, respondent: aPerson(), score: 6, updatedAt: AT, ...overrides };
}

export function aDecision(overrides: Partial<ModerationDecision> = {}): ModerationDecision {
  return {
    assessmentId: "assessment-1",
    areaNumber: 7,
    statementId: "7a",
    agreedRating: 2,
    rationale: "Most of the group saw gaps.",
    decidedBy: aPerson(),
    decidedAt: AT,
    ...overrides,
  };
}

export function aGlobalDecision(overrides: Partial<GlobalScoreDecision> = {}): GlobalScoreDecision {
  return {
    assessmentId: "assessment-1",
    areaNumber: 7,
    agreedScore: 5,
    rationale: "",
    decidedBy: aPerson(),
    decidedAt: AT,
    ...overrides,
  };
}

export function anAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    assessmentId: "assessment-1",
    at: AT,
    actorAadObjectId: "coordinator-aad",
    action: "assign",
    target: "area 7",
    ...overrides,
  };
}

export function aConversationReference(
  overrides: Partial<StoredConversationReference> = {},
): StoredConversationReference {
  return {
    serviceUrl: "https://smba.trafficmanager.net/uk/",
    conversationId: "a:1;messageid=123",
    tenantId: "tenant-1",
    botId: "28:bot-app-id",
    userId: "29:1a-Bx_yZ",
    ...overrides,
  };
}
